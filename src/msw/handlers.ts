import type { RequestHandler } from 'msw';
import { createPipeline } from '../api/pipeline.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../index.js';
import { defaultBaseUrls, pathUnder } from './base-url.js';
import { PipelineHandler } from './pipeline-handler.js';

export type HandlerOptions = {
  /**
   * Where the handlers answer: an origin, optionally with a path prefix, or several.
   * Default: `https://api.iamport.kr` and `https://static-api.iamport.kr`.
   */
  baseUrl?: string | readonly string[];
  /** Serve the control API (`/sandbox/...`) too, as the server does unless told not to. Default: true. */
  control?: boolean;
} & (
  | {
      /** A sandbox to share (with another handler set, or a server); its own options stay as they were. */
      sandbox: Sandbox;
    }
  | (Partial<SandboxOptions> & { sandbox?: undefined })
);

export interface SandboxHandlers {
  /** One msw handler: every request under the base URLs, through the pipeline the server uses (unknown paths get its 404). */
  handlers: RequestHandler[];
  /** The sandbox the handlers serve: reset it, export it, move its clock, queue outcomes. */
  sandbox: Sandbox;
}

/**
 * msw handlers that serve the sandbox in-process, through the same pipeline (router, parsers, validator, core)
 * as the server. Async because creating a sandbox is; without `sandbox`, every call gets fresh state.
 */
export async function createHandlers(options: HandlerOptions = {}): Promise<SandboxHandlers> {
  const { baseUrl = defaultBaseUrls, control = true, sandbox: shared, ...sandboxOptions } = options;
  const sandbox = shared ?? (await createSandbox(sandboxOptions));
  const baseUrls = [baseUrl].flat();
  // The base URLs are this door's own hosts: the control API answers on them as the server does on loopback.
  const pipeline = createPipeline(sandbox, { control, controlAccess: { allowedHosts: baseUrls.map((base) => new URL(base).host) } });
  return { handlers: [new PipelineHandler(pathUnder(baseUrls), pipeline)], sandbox };
}
