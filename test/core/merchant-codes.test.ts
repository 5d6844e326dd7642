import t from 'tap';
import { createSandbox, defaultMerchants } from '../../src/index.js';

// The merchant-code check lives in the core, so a test or an embedder calling the Sandbox directly is refused
// exactly as the control API refuses its caller: 404, code -1, the code named.

const unknown = 'imp99999999';
const refusal = { name: 'SandboxError', status: 404, code: -1, message: new RegExp(unknown) };

t.test('Sandbox methods refuse a merchant code that names no merchant, as the control API does', async (t) => {
  const sandbox = await createSandbox({ seed: 1 });
  t.teardown(() => sandbox.close());
  t.notOk(defaultMerchants.some((m) => m.code === unknown), 'the code is really unknown');

  const calls: [string, () => unknown][] = [
    ['listPayments', () => sandbox.listPayments(unknown)],
    ['listBillingKeys', () => sandbox.listBillingKeys(unknown)],
    ['schedules.list', () => sandbox.schedules.list(unknown)],
    ['webhooks.list', () => sandbox.webhooks.list(unknown)],
    ['outcomes.add', () => sandbox.outcomes.add({ merchant: unknown, customer_uid: 'cu-1', result: 'decline' })],
    ['outcomes.clear', () => sandbox.outcomes.clear(unknown)],
  ];
  for (const [name, call] of calls) {
    t.throws(call, refusal, name);
  }
  await t.rejects(sandbox.reset(unknown), refusal, 'reset');
  // Async: a tenant's webhook setting is written to its record.
  await t.rejects(sandbox.control.setWebhook(unknown, { url: null, content_type: 'json', retry: false }), refusal, 'setWebhook');
  await t.rejects(sandbox.control.deleteTenant(unknown), { status: 404, code: -1 }, 'deleteTenant');
});
