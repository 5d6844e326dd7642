import { redactorFor } from './runner.js';
import { planTotal, scenario, type RunState, type Settings } from './scenario.js';

/** `--plan`: every request the run would send, redacted as it would be stored, and what it may charge at most. */
export function planText(settings: Settings, base: string): string {
  const redactor = redactorFor(settings);
  // Each step's answer stands in as a placeholder, so a request built from an earlier answer shows where it comes from.
  const answers = new Map(scenario.map((step) => [step.id, { status: 200, body: { code: 0, message: null, response: { imp_uid: `{imp_uid of ${step.id}}` } } }]));
  const state: RunState = { now: Math.floor(Date.now() / 1000), answers, token: '(token)' };
  const lines = [`conformance plan against ${base} (run ${settings.runId}); nothing is sent`];
  for (const [i, step] of scenario.entries()) {
    const request = step.request(settings, state);
    const body = request.body ? ` ${JSON.stringify(redactor.json(request.body))}` : '';
    const charge = step.charge(settings);
    lines.push(`${String(i + 1).padStart(2)}. ${step.id}: ${request.method} ${request.path}${body}${charge ? `  (charges at most ${charge} KRW)` : ''}`);
  }
  lines.push(`at most ${planTotal(settings)} KRW charged in all; every charge is cancelled before the run ends`);
  return lines.join('\n') + '\n';
}
