// DOM built from text only: every value the dashboard shows goes into the page as text, never as HTML.

type AttributeValue = string | number | boolean | null | undefined | ((event: Event) => void);
export type Child = Node | string | number | null | undefined | false;
/** A table cell or a detail's value: a node, or text (`-` when there is none). */
export type Cell = Node | string | number | null | undefined;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && 'nodeType' in value;

/** `h('td', { class: 'x', onclick: f, text: 'y' }, ['text', node])`: `on…` attributes listen, `text` is the content. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttributeValue> = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'text') el.textContent = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(isNode(child) ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear<T extends Element>(el: T): T {
  el.replaceChildren();
  return el;
}

/** A form's submit handler: the page stays, `then` runs instead. */
export const stay = (then: () => unknown) => (event: Event) => {
  event.preventDefault();
  void then();
};

export const link = (hash: string, text: string) => h('a', { href: `#${hash}`, text });

export const field = (label: string, control: Node) => h('label', {}, [label, control]);

export const panel = (title: string | null, children: Child[]) => h('div', { class: 'panel' }, [title ? h('h3', { text: title }) : null, ...children]);

/** The trimmed value of a form control, '' when the view has none. */
export function value(id: string): string {
  const el = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  return el ? el.value.trim() : '';
}

/** The column a view leaves without a header holds the row's buttons. */
const ACTIONS = '작업';

/**
 * A cell knows its column's header (`data-label`): on a phone each row is a card whose cells show their header
 * beside them (dashboard-style.ts). The buttons' column stays in sight, a table that scrolls or not.
 */
function cell(c: Cell, header: string): HTMLElement {
  const attrs = header ? { 'data-label': header } : { class: 'actions' };
  return isNode(c) ? h('td', attrs, [c]) : h('td', { ...attrs, text: c === null || c === undefined ? '-' : c });
}

const headerCell = (t: string) => (t ? h('th', { scope: 'col', text: t }) : h('th', { scope: 'col', class: 'actions' }, [h('span', { class: 'sr-only', text: ACTIONS })]));

export function table(headers: string[], rows: Cell[][], empty = '없습니다.'): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty', text: empty });
  return h('div', { class: 'table-wrap' }, [
    h('table', {}, [
      h('thead', {}, [h('tr', {}, headers.map(headerCell))]),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => cell(c, headers[i] ?? ''))))),
    ]),
  ]);
}

/** A definition list; a pair whose value is undefined is left out, a null or empty one shows `-`. */
export function details(pairs: [string, Cell][]): HTMLElement {
  const dl = h('dl');
  for (const [term, description] of pairs) {
    if (description === undefined) continue;
    dl.appendChild(h('dt', { text: term }));
    dl.appendChild(isNode(description) ? h('dd', {}, [description]) : h('dd', { text: description === null || description === '' ? '-' : description }));
  }
  return dl;
}
