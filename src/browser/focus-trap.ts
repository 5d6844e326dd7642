// The checkout inside the SDK's layer (an iframe over the merchant's page, aria-modal): Tab and Shift+Tab must cycle
// through its own controls, never out into the merchant's form behind. The merchant's page cannot see into the
// frame when it is cross-origin, so the frame keeps the focus itself; the layer only sends stray focus back in.

const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** The controls Tab reaches, in document order: shown, enabled, not taken out of the order. */
function tabbable(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last; from nowhere, to either end. */
export function trapTab(doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const controls = tabbable(doc);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return event.preventDefault();
    const active = doc.activeElement as HTMLElement | null;
    const inside = active !== null && controls.includes(active);
    if (event.shiftKey && (!inside || active === first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (!inside || active === last)) {
      event.preventDefault();
      first.focus();
    }
  });
}

/** When the frame gets the focus with nothing inside focused (the layer opening, a click on the backdrop), `first`. */
export function focusOnEntry(first: () => HTMLElement | null): void {
  window.addEventListener('focus', () => {
    if (document.activeElement === document.body || document.activeElement === null) first()?.focus();
  });
}
