// The msw door: `import { createHandlers } from 'iamport-sandbox/msw'`. Nothing here may reach for Node,
// Fastify or the file store, so the handlers also run in a browser (service worker) bundle.
export { createHandlers, type HandlerOptions, type SandboxHandlers } from './handlers.js';
export { defaultBaseUrls } from './base-url.js';
export type { Sandbox } from '../core/sandbox.js';
