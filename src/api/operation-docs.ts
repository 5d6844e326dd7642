import type { TSchema } from 'typebox';
import { Envelope, ErrorEnvelopeSchema } from '../contract/common.js';
import { readJsonText } from '../contract/validation.js';
import { SandboxError, errors } from '../core/errors.js';
import { CONTROL_KEY_HEADER } from './control-access.js';
import type { Operation } from './operation.js';
import { BODY_LIMIT, validatePart } from './request.js';
import { transportErrors } from './transport-errors.js';

// What the OpenAPI document says of an operation's answers: one response per status it can answer, each with its
// envelope and a sentence. The statuses are the operation's own list plus those its kind implies (any body can be
// malformed, too large or of another type; the control API checks Host, Origin and key); Korean for the vendor's
// operations, as the vendor's document words them, English for the sandbox's own.

/** Statuses every operation of a sort can answer, besides its own list. */
function impliedStatuses(operation: Operation): number[] {
  return [...(operation.body ? [400, 413, 415] : []), ...(operation.kind === 'control' ? [401, 403] : [])];
}

/** 200, then every other status the operation can answer, in order. */
export function documentedStatuses(operation: Operation): number[] {
  return [...new Set([200, ...operation.statuses, ...impliedStatuses(operation)])].sort((a, b) => a - b);
}

const vendorWording: Record<number, string> = {
  200: '정상 처리: code 0, response에 결과',
  207: '요청한 것 중 일부만 찾은 경우: 찾은 것만 response에 담습니다',
  400: '필수 파라미터가 누락되었거나 값이 올바르지 않은 경우 (code -1: `["이름"] 파라메터는 필수입니다.` 등), 본문을 읽을 수 없는 경우',
  401: '인증 Token이 전달되지 않았거나 유효하지 않은 경우',
  404: '요청한 대상이 없거나 이 가맹점의 것이 아닌 경우',
  415: '본문이 application/json도 application/x-www-form-urlencoded도 아닌 경우',
  501: '지원하지 않는 PG사: code 1, `현재 지원되지 않는 PG사입니다.`',
};

const sandboxWording: Record<number, string> = {
  200: 'Done: code 0, the result in response',
  400: 'A parameter is missing or malformed (code -1), or the body cannot be read',
  401: 'The sandbox runs with a control key (--control-key) and the request lacks the right X-Sandbox-Control-Key',
  403: 'The Host is not loopback nor allowed (--allowed-hosts), or the Origin is another site',
  404: 'Not found (an unknown imp_uid, merchant, webhook delivery…)',
  415: 'The body is neither application/json nor application/x-www-form-urlencoded',
};

/** The 413's sentence names the operation's own limit (most take 1 MiB, the state import far more). */
function tooLargeWording(operation: Operation): string {
  const mebibytes = (operation.bodyLimit ?? BODY_LIMIT) / (1024 * 1024);
  return operation.kind === 'vendor' ? `요청 본문이 ${mebibytes} MiB를 넘는 경우` : `The body is larger than ${mebibytes} MiB`;
}

/** What a status means for an operation: its own wording if it has one, else the common one of its kind. */
function statusDescription(operation: Operation, status: number): string {
  const own = operation.responses?.[status];
  if (own) return own;
  if (status === 413) return tooLargeWording(operation);
  const common = (operation.kind === 'vendor' ? vendorWording : sandboxWording)[status];
  if (!common) throw new Error(`${operation.operationId}: no wording for HTTP ${status}; give it in the operation's responses`);
  return common;
}

/** What the pipeline answers an empty body with, if its validation refuses one; else what a body not JSON gets. */
function bodyRefusal(operation: Operation & { body: TSchema }): SandboxError {
  try {
    validatePart(operation.body, {}, { part: 'body', fromText: false, nullsAbsent: operation.kind === 'vendor' });
  } catch (error) {
    if (error instanceof SandboxError) return error;
  }
  const notJson = readJsonText('{');
  return errors.refusedInput(notJson.ok ? '' : notJson.message);
}

/**
 * The envelope a refusal of a status really answers, for the statuses every operation of a sort shares: what
 * `/docs` shows instead of an envelope made up from the schema (`code: 0, message: "string"`). A 400 is what an
 * empty body gets where validation refuses one, else what a body that is not JSON gets.
 */
function refusalOf(operation: Operation, status: number): SandboxError | null {
  if (status === 400 && operation.body) return bodyRefusal({ ...operation, body: operation.body });
  if (status === 401) return operation.kind === 'control' ? errors.controlKeyRequired(CONTROL_KEY_HEADER) : errors.unauthorized();
  if (status === 403 && operation.kind === 'control') return errors.controlOriginRefused('https://elsewhere.example');
  if (status === 413) return transportErrors.bodyTooLarge(operation.bodyLimit ?? BODY_LIMIT);
  if (status === 415) return transportErrors.unsupportedMediaType('text/plain');
  return null;
}

/**
 * The envelope of each status, as the OpenAPI document shows it: a 2xx carries the operation's response schema,
 * any other status `response: null`. `x-response-description` is @fastify/swagger's key for the response's text.
 */
export function documentedResponses(operation: Operation): Record<number, TSchema> {
  return Object.fromEntries(
    documentedStatuses(operation).map((status) => {
      const envelope = status < 300 ? Envelope(operation.response) : ErrorEnvelopeSchema;
      const refusal = status < 300 ? null : refusalOf(operation, status);
      const example = refusal ? { example: refusal.toEnvelope() } : {};
      return [status, { ...envelope, ...example, 'x-response-description': statusDescription(operation, status) }];
    }),
  );
}
