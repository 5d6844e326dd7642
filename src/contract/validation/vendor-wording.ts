import type { ErrorObject } from 'ajv';

// How the API words a refused input, in one place. The pattern of a missing parameter is the vendor's (reference
// §5.2, R4); the rest follow it and are the sandbox's own. The core's rules refuse parameters with the same
// patterns (src/core/errors.ts), so each is written here once.
export const inputWording = {
  missingParameter: (name: string) => `["${name}"] 파라메터는 필수입니다.`,
  unknownParameter: (name: string) => `["${name}"] 알 수 없는 파라메터입니다.`,
  invalidParameter: (name: string, problem: string) => `["${name}"] 파라메터의 값이 올바르지 않습니다: ${problem}`,
  badRequest: (detail: string) => `잘못된 요청입니다: ${detail}`,
  nonDecimal: '10진수 숫자로만 적어야 합니다.',
  malformedJson: '요청 본문이 올바른 JSON이 아닙니다.',
  tooDeep: (limit: number) => `요청 본문의 중첩이 너무 깊습니다 (최대 ${limit}단계).`,
  numberOutOfRange: '요청 본문에 표현할 수 없는 숫자가 있습니다 (유한한 값이어야 합니다).',
};

/** A JSON Pointer's segment as the field's name: `~1` and `~0` unescaped, percent-encoding decoded. */
const fieldName = (segment: string) => decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~'));

/** What is wrong with a value, as the message's last words. */
function problemOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'type':
      return `${String(error.params['type'])} 형식이어야 합니다.`;
    case 'pattern':
      return '형식이 올바르지 않습니다.';
    case 'minimum':
      return `${String(error.params['limit'])} 이상이어야 합니다.`;
    case 'maximum':
      return `${String(error.params['limit'])} 이하여야 합니다.`;
    case 'maxLength':
      return `${String(error.params['limit'])}자 이하여야 합니다.`;
    case 'minLength':
      return '비어 있을 수 없습니다.';
    case 'maxItems':
      return `${String(error.params['limit'])}개 이하여야 합니다.`;
    case 'const':
    case 'enum':
    case 'anyOf':
      return '허용되지 않는 값입니다.';
    default:
      return error.message ?? '올바르지 않습니다.';
  }
}

/** The message refusing one part of a request (`body`, `querystring`, `params`): its first problem, the same for both doors. */
export function refusalOf(errors: readonly ErrorObject[], part: string): string {
  const first = errors[0];
  if (!first) return inputWording.badRequest(part);
  if (first.keyword === 'required') return inputWording.missingParameter(String(first.params['missingProperty']));
  if (first.keyword === 'additionalProperties') {
    const field = [...first.instancePath.split('/').filter(Boolean), String(first.params['additionalProperty'])].join('.');
    return inputWording.unknownParameter(field);
  }
  const name = first.instancePath.split('/').filter(Boolean)[0] ?? part;
  return inputWording.invalidParameter(fieldName(name), problemOf(first));
}
