import { escapeHtml } from './html.js';

// The checkout's form controls, each labelled, and a field's error slot: a field with an error slot names it in
// aria-describedby and starts valid, so the page only fills the slot and flips aria-invalid (src/browser/checkout).

/** Where a field's error is written; announced politely as it appears. */
export const errorSlot = (id: string) => `<p id="${id}_error" class="error" aria-live="polite"></p>`;

/** The attributes of a field whose error goes to its slot. */
export const checked = (id: string) => `aria-describedby="${id}_error" aria-invalid="false"`;

/** A labelled select, its options given as [value, text]; `attributes` go on the select. */
export const select = (id: string, label: string, options: [string, string][], attributes = '') =>
  `<label for="${id}">${label}</label><select id="${id}"${attributes ? ` ${attributes}` : ''}>${options
    .map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`)
    .join('')}</select>`;

/** A select whose first option is the prompt (no value), with its error slot: a choice the buyer must make. */
export const requiredSelect = (id: string, label: string, prompt: string, options: [string, string][]) =>
  `${select(id, label, [['', prompt], ...options], checked(id))}${errorSlot(id)}`;
