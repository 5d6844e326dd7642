import { BRAND_RED } from './brand.js';

/**
 * swagger-ui's own colours fail WCAG's 4.5:1 for text (axe's color-contrast): its pastel method badges under white
 * text, its light green and blue buttons and links, its grey and lime version stamps. Each is darkened to a shade
 * of the same hue that reaches 4.5:1 on white and on the tinted background of its operation (the red is the
 * sandbox's own), so the page still reads as swagger-ui. Served as the theme's stylesheet, after swagger-ui's.
 */
const METHOD_COLOURS = { post: '#1a7a4c', get: '#1961a8', put: '#9a5000', delete: BRAND_RED };
const BLUE = '#1f5fae';

const methodRules = Object.entries(METHOD_COLOURS).map(
  ([method, colour]) => `.swagger-ui .opblock.opblock-${method} .opblock-summary-method { background: ${colour}; }`,
);

const rules = [
  ...methodRules,
  `.swagger-ui .info .title small { background: #555b66; }`,
  `.swagger-ui .info .title small.version-stamp { background: #3b6e00; }`,
  `.swagger-ui .info a, .swagger-ui .info .url { color: ${BLUE}; }`,
  `.swagger-ui .btn.authorize { color: ${METHOD_COLOURS.post}; border-color: ${METHOD_COLOURS.post}; }`,
  `.swagger-ui .btn.authorize svg { fill: ${METHOD_COLOURS.post}; }`,
  `.swagger-ui .btn.cancel { color: ${BRAND_RED}; border-color: ${BRAND_RED}; }`,
  `.swagger-ui .btn.execute { background-color: ${BLUE}; border-color: ${BLUE}; }`,
];

/** The stylesheet, as swagger-ui's `theme.css` takes it. */
export const DOCS_THEME = { filename: 'docs-theme.css', content: rules.join('\n') };
