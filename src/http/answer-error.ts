import { BODY_LIMIT } from '../api/request.js';
import { SandboxError, errors } from '../core/errors.js';

/**
 * Any error Fastify or a route raises, as the vendor's envelope. Fastify's own errors (body parsing, size,
 * media type) are translated so a caller never sees Fastify's `{statusCode, error, message}` shape.
 */
export function toSandboxError(error: unknown): SandboxError {
  if (error instanceof SandboxError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge(BODY_LIMIT);
    case 'FST_ERR_BAD_URL':
      return errors.badUrl(/^'(.*)' is not a valid url component$/.exec(e.message ?? '')?.[1] ?? '');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.unsupportedMediaType(/: (.*)$/.exec(e.message ?? '')?.[1] ?? '(none)');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.badRequest('Content-Length가 본문 길이와 다릅니다.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errors.malformedJson();
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return errors.badRequest(e.message ?? 'bad request');
  }
  return errors.internal();
}
