import { diffRuns } from './diff.js';
import { isObject, type ApiAnswer, type ApiRequest, type JsonObject, type Snapshot } from './exchange.js';
import { send } from './http-client.js';
import { IdMap } from './id-map.js';
import { judge, type Judged } from './known-differences.js';
import { operationOf } from './operations.js';
import { REDACTED, Redactor } from './redact.js';
import type { RecordedExchange } from './recording.js';
import { snapshotOf } from './snapshot-of.js';

// Replays a recording, in order, against a target and compares each answer with the upstream's. What the
// recording left out is put back: the target's own keys for getToken, a token from the target, a card number
// rebuilt from its masked form (BIN and last four digits kept, zeros between: the sandbox's test cards are
// 4000-0000-0000-XXXX, so a recorded test card keeps its outcome), the dummy birth 123456, `00` for pwd_2digit.

export interface ReplayKeys {
  impKey: string;
  impSecret: string;
}

const restoreCard = (masked: string) => masked.replace(/\*/g, '0');

/** The recorded path without its redacted `_token` (the replay sends the target's token in Authorization). */
const withoutToken = (path: string) => path.replace(/([?&])_token=[^&]*(&|$)/, (_m, lead: string, tail: string) => (tail ? lead : '')).replace(/[?&]$/, '');

/**
 * The recorded body with what was redacted put back. The keys are the target's own when the upstream gave a token
 * for the recorded ones; when it refused them, the target gets its key with a wrong secret, refused alike.
 */
function restored(exchange: RecordedExchange, keys: ReplayKeys, ids: IdMap): JsonObject | undefined {
  const body = exchange.body;
  if (!isObject(body)) return undefined;
  const accepted = isObject(exchange.answer.body) && exchange.answer.body['code'] === 0;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(ids.json(body) as JsonObject)) {
    if (key === 'imp_key') out[key] = keys.impKey;
    else if (key === 'imp_secret') out[key] = accepted ? keys.impSecret : `${keys.impSecret}-refused`;
    else if (key === 'card_number' && typeof value === 'string') out[key] = restoreCard(value);
    else if (key === 'birth' && value === REDACTED) out[key] = '123456';
    else if (key === 'pwd_2digit' && value === REDACTED) out[key] = '00';
    else out[key] = value;
  }
  return out;
}

async function tokenFrom(base: string, keys: ReplayKeys): Promise<string | undefined> {
  const answer = await send(base, { method: 'POST', path: '/users/getToken', body: { imp_key: keys.impKey, imp_secret: keys.impSecret } });
  const response = isObject(answer.body) ? answer.body['response'] : null;
  return isObject(response) && typeof response['access_token'] === 'string' ? response['access_token'] : undefined;
}

const tokenIn = (answer: ApiAnswer) => {
  const response = isObject(answer.body) ? answer.body['response'] : null;
  return isObject(response) && typeof response['access_token'] === 'string' ? response['access_token'] : undefined;
};

export interface Replayed {
  snapshots: { recorded: Snapshot[]; actual: Snapshot[] };
  differences: Judged[];
}

export async function replay(recording: readonly RecordedExchange[], base: string, keys: ReplayKeys): Promise<Replayed> {
  const ids = new IdMap();
  const redactor = new Redactor();
  redactor.learn(keys.impSecret);
  const recorded: Snapshot[] = [];
  const actual: Snapshot[] = [];
  let token: string | undefined;
  for (const exchange of recording) {
    const id = `#${exchange.seq}`;
    const title = `${exchange.method} ${exchange.path}`;
    const isToken = operationOf(exchange.method, exchange.path) === 'getToken';
    if (exchange.authorized && !isToken && token === undefined) token = await tokenFrom(base, keys);
    const body = restored(exchange, keys, ids);
    const request: ApiRequest = { method: exchange.method, path: ids.text(withoutToken(exchange.path)), form: exchange.form, ...(body ? { body } : {}), ...(exchange.authorized && !isToken && token ? { token } : {}) };
    const answer = await send(base, request);
    if (isToken) token = tokenIn(answer) ?? token;
    redactor.learn(token);
    ids.learn(exchange.answer.body, answer.body);
    recorded.push(snapshotOf(id, title, { method: exchange.method, path: exchange.path, ...(isObject(exchange.body) ? { body: exchange.body } : {}) }, exchange.answer, redactor, ''));
    actual.push(snapshotOf(id, title, request, answer, redactor, ''));
  }
  return { snapshots: { recorded, actual }, differences: judge(diffRuns(recorded, actual)) };
}
