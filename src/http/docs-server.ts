import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { openapiInfo } from './openapi-info.js';
import { documentingOnly } from './schema-controller.js';
import { bundleText } from './browser-scripts.js';
import { DOCS_THEME } from './docs-theme.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI document the server serves at /docs/json (built on first use, as /docs is). */
    openapi(): Promise<Record<string, unknown>>;
  }
}

/** Registers every route of the server on `target`; `documented` mounts each operation as a route of its own. */
export type RegisterRoutes = (target: FastifyInstance, documented: boolean) => Promise<void>;

/**
 * /docs (swagger and swagger-ui, slow to load and build) is rarely opened, so it is built on first use: a second
 * Fastify instance with the same routes under the two plugins, which collect the routes into the document and
 * serve it. /docs and everything under it is handed to that instance whole, so it answers exactly as a server with
 * the plugins registered up front would (including the pipeline's 404 for what swagger-ui does not serve). The
 * request is logged once, by the serving instance's onResponse, which runs for the handed-over reply too.
 */
export function mountDocs(app: FastifyInstance, routes: RegisterRoutes): void {
  let docs: Promise<FastifyInstance> | undefined;
  const docsApp = () => (docs ??= buildDocsApp(app, routes));
  const serveDocs = async (request: FastifyRequest, reply: FastifyReply) => {
    const instance = await docsApp();
    reply.hijack();
    instance.routing(request.raw, reply.raw);
  };
  app.decorate('openapi', async () => (await docsApp()).swagger() as unknown as Record<string, unknown>);
  app.addHook('onClose', async () => {
    if (docs) await (await docs).close();
  });
  app.route({ method: ['GET', 'HEAD'], url: '/docs', handler: serveDocs });
  app.route({ method: ['GET', 'HEAD'], url: '/docs/*', handler: serveDocs });
}

async function buildDocsApp(app: FastifyInstance, routes: RegisterRoutes): Promise<FastifyInstance> {
  // Required rather than imported: the CLI runs as one bundled script, where import() has no loader behind it.
  const require = createRequire(import.meta.url);
  const swagger = (require('@fastify/swagger') as typeof import('@fastify/swagger')).default;
  const swaggerUi = (require('@fastify/swagger-ui') as typeof import('@fastify/swagger-ui')).default;
  const instance = Fastify({ loggerInstance: app.log, logController: new LogController({ disableRequestLogging: true }), schemaController: documentingOnly });
  await instance.register(swagger, { openapi: openapiInfo });
  // BaseLayout: no top bar, whose logo (no alt) and "Explore" URL field (no label) serve nothing here, one document.
  // No syntax highlighting: its colours fail contrast. No Schemas section: the operations show each schema already,
  // and its many nested toggles are unusable from a keyboard. The theme fixes what is left (src/browser/docs.ts).
  await instance.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { layout: 'BaseLayout', syntaxHighlight: false, defaultModelsExpandDepth: -1 },
    theme: { title: DOCS_TITLE, css: [DOCS_THEME], js: [{ filename: 'docs.js', content: await bundleText('docs') }] },
  });
  instance.addHook('onSend', async (_request, reply, payload) => (isHtml(reply) && typeof payload === 'string' ? withPageHead(payload) : payload));
  await routes(instance, true);
  await instance.ready();
  return instance;
}

const DOCS_TITLE = 'iamport-sandbox API 문서 (PortOne V1 · 헥토파이낸셜)';

const isHtml = (reply: FastifyReply) => String(reply.getHeader('content-type') ?? '').startsWith('text/html');

/**
 * swagger-ui's page says `lang="en"` and has no viewport, so a phone lays it out 980 px wide; the operations it
 * shows are the vendor's, described in Korean. Its template offers no option for either, so the page is amended.
 */
function withPageHead(html: string): string {
  return html
    .replace('<html lang="en">', '<html lang="ko">')
    .replace('<meta charset="UTF-8">', '<meta charset="UTF-8">\n      <meta name="viewport" content="width=device-width, initial-scale=1">');
}
