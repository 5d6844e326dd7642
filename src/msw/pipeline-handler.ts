import { RequestHandler } from 'msw';
import type { Pipeline, PlainRequest } from '../api/pipeline.js';

/** Finds the path a request is served under (without its base URL), or null when the request is not ours. */
export type PathOf = (url: URL) => string | null;

type Parsed = { url: URL; path: string | null };

/** The pipeline's request from a Fetch API one: the body read as Fastify reads it, never for GET and HEAD. */
async function plainOf(request: Request, url: URL, path: string): Promise<PlainRequest> {
  const bodyless = request.method === 'GET' || request.method === 'HEAD';
  return {
    method: request.method,
    path,
    query: url.search.slice(1),
    // The host is the URL's, as a browser's fetch sends it: msw 2 passes a Host header a test sets, msw 3 replaces
    // it with the URL's, so reading the URL keeps both majors (and the control API's Host check) alike.
    header: (name) => (name === 'host' ? url.host : (request.headers.get(name) ?? undefined)),
    body: bodyless ? undefined : await request.text(),
    contentType: request.headers.get('content-type') ?? undefined,
  };
}

/**
 * The msw door: one handler that takes every request under the base URLs to the pipeline and turns the outcome
 * into a `Response` (a dropped connection into `Response.error()`). Anything else is left to msw's
 * unhandled-request policy. One handler, and a URL parsed once, instead of one msw handler per route.
 */
export class PipelineHandler extends RequestHandler<{ header: string }, Parsed, { path: string; url: URL }> {
  constructor(pathOf: PathOf, pipeline: Pipeline) {
    super({
      info: { header: 'iamport-sandbox' },
      resolver: async ({ request, url, path }) => {
        const outcome = await pipeline(await plainOf(request, url, path));
        if (outcome.action === 'drop') return Response.error();
        const { status, headers, body } = outcome.answer;
        return new Response(body, { status, headers });
      },
    });
    this.pathOf = pathOf;
  }

  private readonly pathOf: PathOf;

  override async parse({ request }: { request: Request }): Promise<Parsed> {
    const url = new URL(request.url);
    return { url, path: this.pathOf(url) };
  }

  predicate({ parsedResult }: { parsedResult: Parsed }): boolean {
    return parsedResult.path !== null;
  }

  protected override extendResolverArgs({ parsedResult }: { parsedResult: Parsed }) {
    return { url: parsedResult.url, path: parsedResult.path ?? '' };
  }

  /** What msw's browser worker prints for each mocked answer. */
  log({ request, response }: { request: Request; response: Response }): void {
    console.log(`[MSW] ${request.method} ${request.url} (${response.status}) ← ${this.info.header}`);
  }
}
