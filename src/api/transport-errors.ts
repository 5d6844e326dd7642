import { SandboxError } from '../core/errors.js';

// Refusals of a request as it was sent (its size, its Content-Type, its path) before any operation reads it.
// The wording is the sandbox's own; the envelope is still the vendor's, so a client reads one error shape.
const refuse = (status: number, message: string) => new SandboxError(status, -1, message);

export const transportErrors = {
  unsupportedMediaType: (type: string) =>
    refuse(415, `지원하지 않는 Content-Type입니다: ${type} (application/json 또는 application/x-www-form-urlencoded를 사용하세요)`),
  bodyTooLarge: (limit: number) => refuse(413, `요청 본문이 너무 큽니다 (최대 ${limit} bytes).`),
  routeNotFound: (method: string, path: string) => refuse(404, `요청하신 API를 찾을 수 없습니다: ${method} ${path}`),
  badUrl: (path: string) => refuse(400, `요청 경로의 퍼센트 인코딩이 올바르지 않습니다: ${path}`),
};
