import { isObject, type ApiAnswer, type Snapshot } from './exchange.js';
import { send } from './http-client.js';
import { Ledger } from './ledger.js';
import { Redactor } from './redact.js';
import { scenario, type RunState, type Settings } from './scenario.js';
import { snapshotOf } from './snapshot-of.js';

// Runs the scenario against one V1 base URL, step by step. It stops at the first request that gets no HTTP
// answer (or when `signal` aborts: Ctrl-C); HTTP answers of any kind are what the run is for and never stop it.

export interface Outcome {
  id: string;
  expected: 'success' | 'refusal';
  got: 'success' | 'refusal';
}

export interface Run {
  snapshots: Snapshot[];
  outcomes: Outcome[];
  ledger: Ledger;
  token: string | undefined;
  /** Why the run stopped early, if it did. */
  stopped: string | null;
}

const succeeded = (answer: ApiAnswer) => answer.status === 200 && isObject(answer.body) && answer.body['code'] === 0;

function remember(state: RunState, answer: ApiAnswer, id: string): void {
  state.answers.set(id, answer);
  const response = isObject(answer.body) ? answer.body['response'] : null;
  if (id !== 'token' || !succeeded(answer) || !isObject(response)) return;
  if (typeof response['access_token'] === 'string') state.token = response['access_token'];
  if (typeof response['now'] === 'number') state.now = response['now'];
}

/** A redactor that knows this run's secrets: the imp_secret, the card numbers; tokens are learnt as they come. */
export function redactorFor(settings: Settings): Redactor {
  const redactor = new Redactor();
  for (const secret of [settings.impSecret, settings.impKey, settings.card.card_number, settings.invalidCard]) redactor.learn(secret);
  return redactor;
}

export async function runScenario(base: string, settings: Settings, signal: AbortSignal): Promise<Run> {
  const state: RunState = { now: Math.floor(Date.now() / 1000), answers: new Map() };
  const run: Run = { snapshots: [], outcomes: [], ledger: new Ledger(), token: undefined, stopped: null };
  const redactor = redactorFor(settings);
  for (const step of scenario) {
    if (signal.aborted) {
      run.stopped = 'interrupted';
      break;
    }
    const request = { ...step.request(settings, state), ...(step.id.startsWith('token') || !state.token ? {} : { token: state.token }) };
    let answer: ApiAnswer;
    try {
      answer = await send(base, request, signal);
    } catch (error) {
      run.stopped = signal.aborted ? 'interrupted' : `${step.id}: ${(error as Error).message}`;
      break;
    }
    remember(state, answer, step.id);
    redactor.learn(state.token);
    run.ledger.observe(request, answer);
    run.snapshots.push(snapshotOf(step.id, step.title, request, answer, redactor, settings.runId));
    run.outcomes.push({ id: step.id, expected: step.expect, got: succeeded(answer) ? 'success' : 'refusal' });
  }
  run.token = state.token;
  return run;
}
