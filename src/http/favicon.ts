import { BRAND_RED } from './brand.js';

const ICON = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='${BRAND_RED}'/><text x='16' y='22' font-size='16' font-family='sans-serif' font-weight='bold' text-anchor='middle' fill='white'>SB</text></svg>`;

/** The sandbox's icon as an inline SVG data URL, in the pages' own red, so every page has one without another route. */
export const FAVICON = `data:image/svg+xml,${encodeURIComponent(ICON)}`;
