// /docs (swagger-ui): what its markup gets wrong for assistive technology and no option of it changes, amended in
// the rendered page. swagger-ui (React) renders late and again on every click, so each amendment is applied once
// it has rendered and again on each change of the page; each is idempotent, and none changes what React renders
// itself (only attributes React does not set), so its later renders neither undo nor trip over them.

/**
 * The labels of controls swagger-ui leaves unnamed (axe's select-name and label), by selector: the servers' select
 * sits in an empty label, the request body's textarea in none. Its content-type selects name themselves.
 */
const LABELS: readonly (readonly [string, string])[] = [
  ['#servers', 'Servers'],
  ['textarea.body-param__text', 'Request body'],
];

function nameControls(): void {
  for (const [selector, label] of LABELS) {
    for (const control of document.querySelectorAll(selector)) if (!control.hasAttribute('aria-label')) control.setAttribute('aria-label', label);
  }
}

/**
 * An operation's summary is a button holding the operation's deep link (a link inside a button, axe's
 * nested-interactive): without its href the link is text of the button, which opens the operation as before.
 */
function unnestSummaryLinks(): void {
  for (const link of document.querySelectorAll('.opblock-summary-control a[href]')) link.removeAttribute('href');
}

/**
 * The page's title is an h1 and the tags under it are h3, the operations' sections h4 (axe's heading-order): every
 * heading of the operations is announced one level up, so the outline has no gap.
 */
function levelHeadings(): void {
  for (const heading of document.querySelectorAll('.opblock-tag-section :is(h3, h4, h5, h6)')) {
    const level = String(Number(heading.tagName.slice(1)) - 1);
    if (heading.getAttribute('aria-level') !== level) heading.setAttribute('aria-level', level);
  }
}

/** An example that scrolls can be scrolled from the keyboard only when it takes the focus (scrollable-region-focusable). */
function focusScrollables(): void {
  for (const example of document.querySelectorAll('.highlight-code > pre')) if (!example.hasAttribute('tabindex')) example.setAttribute('tabindex', '0');
}

/**
 * swagger-ui puts the operations in a main landmark, but the title and the servers' select above it in none (axe's
 * region): the title becomes the page's banner, the servers a region named as its select is.
 */
function markLandmarks(): void {
  document.querySelector('.information-container:not([role])')?.setAttribute('role', 'banner');
  const servers = document.querySelector('.schemes-server-container:not([role])');
  servers?.setAttribute('role', 'region');
  servers?.setAttribute('aria-label', 'Servers');
}

function amend(): void {
  markLandmarks();
  nameControls();
  unnestSummaryLinks();
  levelHeadings();
  focusScrollables();
}

amend();
new MutationObserver(amend).observe(document.body, { childList: true, subtree: true });
