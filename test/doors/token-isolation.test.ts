import t from 'tap';
import { createSandbox } from '../../src/index.js';
import { START, merchantA } from '../helpers/doors.js';

const credentials = { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret };
const MINUTE = 60 * 1000;

async function frozenSandbox(seed: number) {
  const sandbox = await createSandbox({ seed });
  await sandbox.freeze(START);
  t.teardown(() => sandbox.close());
  return sandbox;
}

t.test('tokens are not reproducible from the seed: two sandboxes on one seed issue different tokens', async (t) => {
  const [a, b] = await Promise.all([frozenSandbox(42), frozenSandbox(42)]);
  const first = (await a.tokens.issue(credentials)).body.response!.access_token;
  const second = (await b.tokens.issue(credentials)).body.response!.access_token;
  t.match(first, /^[0-9a-f]{40}$/);
  t.match(second, /^[0-9a-f]{40}$/);
  t.not(first, second);
});

t.test('an injected token source replaces the cryptographic one', async (t) => {
  const sandbox = await createSandbox({ seed: 1, tokenSource: () => 'a'.repeat(40) });
  t.teardown(() => sandbox.close());
  t.equal((await sandbox.tokens.issue(credentials)).body.response!.access_token, 'a'.repeat(40));
});

t.test('an imported token cannot outlive the normal lifetime', async (t) => {
  const sandbox = await frozenSandbox(7);
  const snapshot = sandbox.export();
  const planted = (token: string, issued_at: number, expires_at: number) => ({ token, merchant: merchantA.code, issued_at, expires_at });
  snapshot.tokens = [
    planted('f'.repeat(40), START - MINUTE, 9_999_999_999_999),
    planted('e'.repeat(40), START + 365 * 24 * 60 * MINUTE, START + 366 * 24 * 60 * MINUTE),
  ];
  await sandbox.import(snapshot);
  const tokens = Object.fromEntries(sandbox.export().tokens.map((record) => [record.token, record]));
  t.same(tokens['f'.repeat(40)], planted('f'.repeat(40), START - MINUTE, START + 29 * MINUTE), 'clamped to issued_at + 30 minutes');
  t.same(tokens['e'.repeat(40)], planted('e'.repeat(40), START, START + 30 * MINUTE), 'issued no later than now');

  await sandbox.advance(30 * MINUTE);
  t.throws(() => sandbox.tokens.verify('f'.repeat(40)), { message: 'Unauthorized' }, 'the planted token expires');
  t.throws(() => sandbox.tokens.verify('e'.repeat(40)), { message: 'Unauthorized' });
});
