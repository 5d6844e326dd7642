import { PAGE_DATA_ID } from '../browser/page-data.js';
import { pageScriptPath, type PageScript } from './browser-scripts.js';
import { FAVICON } from './favicon.js';
import { escapeHtml, scriptJson } from './html.js';

/** What a page's head holds besides what every page has (charset, viewport, favicon). */
export interface PageHead {
  /** Text: escaped here. */
  title: string;
  style: string;
  /** Loads /v1/iamport.js as a merchant's page does, before the page's own scripts. */
  sdk?: boolean;
  /** The page's bundles (src/browser), run once the page is parsed, in this order. */
  scripts?: readonly PageScript[];
  /** What the page's module reads (src/browser/page-data.ts): JSON in the page, never script text. */
  data?: unknown;
}

/** Every page the sandbox renders: one head, then the body as given. */
export function page({ title, style, sdk = false, scripts = [], data }: PageHead, body: string): string {
  const json = data === undefined ? '' : `<script type="application/json" id="${PAGE_DATA_ID}">${scriptJson(data)}</script>`;
  const tags = scripts.map((name) => `<script defer src="${pageScriptPath(name)}"></script>`).join('');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="${FAVICON}"><style>${style}</style>
${json}${sdk ? '<script src="/v1/iamport.js"></script>' : ''}${tags}</head><body>${body}</body></html>`;
}
