import t from 'tap';
import type { PaymentRecord } from '../../src/contract/records.js';
import { blankPayment } from '../../src/core/payments/blank-payment.js';
import { merchantKey } from '../../src/core/state/collections.js';
import { SandboxState, parseSnapshot } from '../../src/core/state/state.js';

const payment = (merchant: string, impUid: string, merchantUid: string, seq = 1): PaymentRecord => ({
  merchant,
  seq,
  payment: blankPayment({ imp_uid: impUid, merchant_uid: merchantUid, amount: 1000, status: 'paid' }),
});

t.test('a write outside a transaction is refused', async (t) => {
  const state = new SandboxState();
  t.throws(() => state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1')), /inside a transaction/);
  t.equal(state.tables.payments.size, 0);
});

t.test('a change that throws leaves nothing behind, indexes included', async (t) => {
  const state = new SandboxState();
  state.transaction(() => state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1')));
  t.throws(() =>
    state.transaction(() => {
      state.tables.payments.put(payment('imp10000001', 'imps_2', 'o-1'));
      state.tables.payments.update('imps_1', (draft) => void (draft.payment.status = 'cancelled'));
      state.tables.payments.delete('imps_1');
      throw new Error('half-way');
    }),
  );
  t.same([...state.tables.payments.values()].map((r) => r.payment.imp_uid), ['imps_1']);
  t.equal(state.tables.payments.get('imps_1')!.payment.status, 'paid', 'the update was taken back');
  t.same(
    state.tables.payments.lookup('merchant_uid', merchantKey('imp10000001', 'o-1')).map((r) => r.payment.imp_uid),
    ['imps_1'],
    'the secondary index lost the record the failed change added',
  );
  t.same(state.tables.payments.lookup('merchant', 'imp10000001').length, 1);
});

t.test('undo takes a whole successful change back, newest write first', async (t) => {
  const state = new SandboxState();
  state.transaction(() => state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1')));
  const { undo } = state.transaction(() => {
    state.tables.payments.update('imps_1', (draft) => void (draft.payment.amount = 10));
    state.tables.payments.update('imps_1', (draft) => void (draft.payment.amount = 20));
    state.tables.payments.put(payment('imp20000002', 'imps_2', 'o-2'));
  });
  t.equal(state.tables.payments.get('imps_1')!.payment.amount, 20);
  undo();
  t.equal(state.tables.payments.get('imps_1')!.payment.amount, 1000, 'both updates are undone, back to the first value');
  t.equal(state.tables.payments.get('imps_2'), undefined);
  t.same(state.tables.payments.lookup('merchant', 'imp20000002'), []);
});

t.test('update stores an edited copy: a record handed out earlier never changes', async (t) => {
  const state = new SandboxState();
  const stored = state.transaction(() => state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1'))).result;
  state.transaction(() => state.tables.payments.update('imps_1', (draft) => void (draft.payment.status = 'cancelled')));
  t.equal(stored.payment.status, 'paid');
  t.equal(state.tables.payments.get('imps_1')!.payment.status, 'cancelled');
});

t.test('the journal gets exactly the records a change touched, as they are now', async (t) => {
  const state = new SandboxState();
  state.trackChanges();
  state.transaction(() => {
    state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1'));
    state.tables.payments.put(payment('imp10000001', 'imps_2', 'o-2'));
  });
  state.transaction(() => state.tables.payments.delete('imps_2'));
  const changes = state.takeChanges()!;
  t.same(
    changes.map((c) => [c.collection, c.key, c.record === null ? null : 'record']),
    [
      ['payments', 'imps_1', 'record'],
      ['payments', 'imps_2', null],
    ],
  );
  t.same(state.takeChanges(), [], 'taken once');
  state.transaction(() => state.clear('imp10000001'));
  t.equal(state.takeChanges(), null, 'replacing whole tables needs a full rewrite');
});

t.test('clear forgets one merchant in every table; its undo brings it all back', async (t) => {
  const state = new SandboxState();
  state.transaction(() => {
    state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1'));
    state.tables.payments.put(payment('imp20000002', 'imps_2', 'o-1'));
    state.tables.tokens.put({ token: 'a'.repeat(40), merchant: 'imp10000001', issued_at: 0, expires_at: 1 });
  });
  const { undo } = state.transaction(() => state.clear('imp10000001'));
  t.same([...state.tables.payments.values()].map((r) => r.merchant), ['imp20000002']);
  t.equal(state.tables.tokens.size, 0);
  undo();
  t.equal(state.tables.payments.size, 2);
  t.equal(state.tables.tokens.lookup('merchant', 'imp10000001').length, 1);
});

t.test('snapshots loop over every collection; restore takes one back', async (t) => {
  const state = new SandboxState();
  state.transaction(() => state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1', state.nextSeq())));
  const snapshot = state.snapshot();
  t.same(Object.keys(snapshot), ['version', 'seq', 'tokens', 'payments', 'billing_keys', 'schedules', 'webhook_deliveries', 'prepared', 'cash_receipts', 'tenants']);
  const other = new SandboxState();
  other.transaction(() => other.restore(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))));
  t.same(other.snapshot(), snapshot);
  t.equal(other.seq, 1);
});

t.test('parseSnapshot checks every record and names the field', async (t) => {
  t.throws(() => parseSnapshot({ version: 1, seq: 0, payments: [null] }), { message: /payments\[0\]/ });
  t.throws(() => parseSnapshot({ version: 1, seq: 0, tokens: [{}] }), { message: /tokens\[0\]: token is required/ });
  const bad = payment('imp10000001', 'imps_1', 'o-1') as any;
  bad.payment.amount = 'x';
  t.throws(() => parseSnapshot({ version: 1, seq: 0, payments: [bad] }), { message: /payments\[0\]\.payment\.amount/ });
  const twice = payment('imp10000001', 'imps_1', 'o-1');
  t.throws(() => parseSnapshot({ version: 1, seq: 0, payments: [twice, twice] }), { message: /twice/ });
  t.same(parseSnapshot({ version: 1, seq: 3 }).schedules, [], 'collections a file predates come back empty');
});

t.test('clearing one merchant keeps the others, and the whole clear is taken back as one', async (t) => {
  const state = new SandboxState();
  state.transaction(() => {
    state.tables.payments.put(payment('imp10000001', 'imps_1', 'o-1'));
    state.tables.payments.put(payment('imp20000002', 'imps_2', 'o-2'));
  });
  const { undo } = state.transaction(() => state.clear('imp10000001'));
  t.same([...state.tables.payments.values()].map((r) => r.payment.imp_uid), ['imps_2']);
  t.same(state.tables.payments.lookup('merchant', 'imp10000001'), [], 'its index entries go too');
  undo();
  t.same([...state.tables.payments.values()].map((r) => r.payment.imp_uid), ['imps_1', 'imps_2']);
  t.equal(state.tables.payments.lookup('merchant_uid', merchantKey('imp10000001', 'o-1'))[0]?.payment.imp_uid, 'imps_1');
});

t.test('an index a collection does not declare is a compile error, not a lookup', async (t) => {
  const state = new SandboxState();
  // @ts-expect-error payments have no `customer` index (it is `customer_uid`)
  const typo = () => state.tables.payments.lookup('customer', 'x');
  t.type(typo, 'function');
});
