import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { createSandbox } from '../../src/index.js';
import { forEachDoor, merchantA, merchantB, START, type Door } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

const onetime = (door: Door, merchantUid: string, extra: object = {}, merchant = merchantA) =>
  door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: merchantUid, amount: 1000, ...card, ...extra } }, merchant);

forEachDoor(t, async (t, start) => {
  t.test('listings: payments, billing keys, schedules (of one merchant or all)', async (t) => {
    const door = await start();
    await onetime(door, 'a-1', { customer_uid: 'key-a' });
    await onetime(door, 'b-1', { birth: '900101', pwd_2digit: '12' }, merchantB);
    await door.call('POST', '/subscribe/payments/schedule', {
      json: { customer_uid: 'key-a', schedules: [{ merchant_uid: 's-1', schedule_at: START / 1000 + 60, amount: 10, name: 'x' }] },
    });
    const payments = await door.send('GET', '/sandbox/payments');
    t.same(payments.body.response.map((p: any) => [p.merchant, p.merchant_uid]), [
      [merchantA.code, 'a-1'],
      [merchantB.code, 'b-1'],
    ]);
    t.same((await door.send('GET', `/sandbox/payments?merchant=${merchantB.code}`)).body.response.map((p: any) => p.merchant_uid), ['b-1']);
    t.match((await door.send('GET', '/sandbox/billing-keys')).body.response, [{ merchant: merchantA.code, customer_uid: 'key-a' }]);
    t.match((await door.send('GET', '/sandbox/schedules')).body.response, [{ merchant_uid: 's-1', schedule_status: 'scheduled' }]);
    const unknown = await door.send('GET', '/sandbox/payments?merchant=imp00000000');
    t.equal(unknown.status, 404);
    const malformed = await door.send('GET', '/sandbox/payments?merchant=nope');
    t.equal(malformed.status, 400);
    t.equal(malformed.body.code, -1);
  });

  t.test("a billing key deleted through the control API, as the merchant's DELETE would", async (t) => {
    const door = await start();
    await onetime(door, 'a-1', { customer_uid: 'key-a' });
    await onetime(door, 'b-1', { customer_uid: 'key-a', birth: '900101', pwd_2digit: '12' }, merchantB);
    const deleted = await door.send('DELETE', `/sandbox/merchants/${merchantA.code}/billing-keys/key-a`);
    t.equal(deleted.status, 200);
    t.match(deleted.body.response, { customer_uid: 'key-a' });
    const gone = await door.call('GET', '/subscribe/customers/key-a');
    t.equal(gone.status, 404);
    t.equal(gone.body.message, '요청하신 customer_uid(key-a)로 등록된 정보를 찾을 수 없습니다.');
    t.match((await door.send('GET', '/sandbox/billing-keys')).body.response, [{ merchant: merchantB.code, customer_uid: 'key-a' }], "the other merchant's key of that uid stays");
    t.equal((await door.send('GET', '/sandbox/payments')).body.response.length, 2, 'its payments stay');
    t.equal((await door.send('DELETE', `/sandbox/merchants/${merchantA.code}/billing-keys/key-a`)).status, 404, 'twice: no such key');
    t.equal((await door.send('DELETE', '/sandbox/merchants/imp00000000/billing-keys/key-a')).status, 404, 'unknown merchant');
  });

  t.test('reset forgets everything, or one merchant', async (t) => {
    const door = await start();
    await onetime(door, 'a-1');
    await onetime(door, 'b-1', { birth: '900101', pwd_2digit: '12' }, merchantB);
    t.same((await door.send('POST', '/sandbox/reset', { json: { merchant: merchantA.code } })).body.response, { reset: merchantA.code });
    t.same(door.sandbox.listPayments().map((p) => p.merchant_uid), ['b-1']);
    t.same((await door.send('POST', '/sandbox/reset')).body.response, { reset: 'all' });
    t.same(door.sandbox.listPayments(), []);
  });

  t.test('export and import the whole state as JSON', async (t) => {
    const door = await start();
    const paid = (await onetime(door, 'kept', { customer_uid: 'key-k' })).body.response;
    const exported = await door.send('GET', '/sandbox/state');
    t.match(exported.body.response, { version: 1, payments: [{ payment: { imp_uid: paid.imp_uid } }], schedules: [], webhook_deliveries: [] });
    await door.send('POST', '/sandbox/reset');
    t.equal((await door.call('GET', `/payments/${paid.imp_uid}`)).status, 404);
    const imported = await door.send('PUT', '/sandbox/state', { json: exported.body.response });
    t.same(imported.body.response, { payments: 1, billing_keys: 1, schedules: 0 });
    t.equal((await door.call('GET', `/payments/${paid.imp_uid}`)).body.response.merchant_uid, 'kept');
    const junk = await door.send('PUT', '/sandbox/state', { json: { version: 2 } });
    t.equal(junk.status, 400);
    t.equal(junk.body.code, -1);
  });

  t.test('the clock: read, freeze, set, advance (tokens expire), resume', async (t) => {
    const door = await start();
    t.same((await door.send('GET', '/sandbox/clock')).body.response, {
      now: START,
      now_unix: START / 1000,
      iso: '2026-03-01T03:00:00.000Z',
      frozen: true,
    });
    const token = await door.tokenOf();
    const advanced = await door.send('POST', '/sandbox/clock/advance', { json: { minutes: 30, seconds: 1 } });
    t.equal(advanced.body.response.now, START + 30 * 60_000 + 1000);
    const expired = await door.send('GET', '/payments/imps_000000000000', { headers: { authorization: token } });
    t.equal(expired.status, 401, 'a token of 30 minutes ago has expired');

    const set = await door.send('POST', '/sandbox/clock/set', { json: { at: START / 1000 + 86400 } });
    t.equal(set.body.response.now_unix, START / 1000 + 86400);
    const back = await door.send('POST', '/sandbox/clock/set', { json: { at: START / 1000 } });
    t.equal(back.body.response.now, START, 'time can be set back');

    const resumed = await door.send('POST', '/sandbox/clock/resume');
    t.equal(resumed.body.response.frozen, false);
    const frozen = await door.send('POST', '/sandbox/clock/freeze', { json: { at: START / 1000 + 5 } });
    t.match(frozen.body.response, { frozen: true, now: START + 5000 });
    t.equal((await door.send('POST', '/sandbox/clock/advance', { json: { seconds: -1 } })).status, 400);
  });

  t.test('scripted outcomes: the next N charges of a customer_uid decline, then the card is itself again', async (t) => {
    const door = await start();
    await onetime(door, 'issue', { customer_uid: 'sub' });
    const queued = await door.send('POST', '/sandbox/outcomes', { json: { customer_uid: 'sub', result: 'decline', reason: 'insufficient_balance', times: 2 } });
    t.match(queued.body.response, { id: /^outcome_/, customer_uid: 'sub', result: 'decline', reason: 'insufficient_balance', remaining: 2 });
    const charge = (uid: string) => door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: uid, customer_uid: 'sub', amount: 500 } });
    t.match((await charge('r-1')).body, { code: 0, response: { status: 'failed', fail_reason: /\[ST52\]잔액부족/ } });
    t.match((await door.send('GET', '/sandbox/outcomes')).body.response, [{ remaining: 1 }]);
    t.match((await charge('r-2')).body.response, { status: 'failed' });
    t.match((await charge('r-3')).body.response, { status: 'paid' });
    t.same((await door.send('GET', '/sandbox/outcomes')).body.response, []);
  });

  t.test('scripted outcomes by card (last 4 or masked): approve a decline card, or make the PG unreachable', async (t) => {
    const door = await start();
    await door.send('POST', '/sandbox/outcomes', { json: { card: '0051', result: 'approve' } });
    t.equal((await onetime(door, 'forced', { card_number: '4000-0000-0000-0051' })).body.code, 0, 'a decline card approved once');
    t.equal((await onetime(door, 'normal', { card_number: '4000-0000-0000-0051' })).body.code, -1, 'then its own rule again');

    await door.send('POST', '/sandbox/outcomes', { json: { card: '123412******1234', result: 'unreachable', merchant: merchantA.code } });
    const down = await onetime(door, 'down');
    t.match(down.body, { code: -1, response: null, message: /카드사 요청에 실패하였습니다\. \[ST99\]/ });
    t.equal((await onetime(door, 'up')).body.code, 0);

    await door.send('POST', '/sandbox/outcomes', { json: { card: '1234-1234-1234-1234', result: 'decline' } });
    t.match((await onetime(door, 'limit')).body, { code: -1, message: /ST51/ }, 'full numbers are masked to match; limit_exceeded by default');

    await door.send('POST', '/sandbox/outcomes', { json: { card: '1234', result: 'decline', merchant: merchantB.code, times: 5 } });
    t.equal((await onetime(door, 'not-b')).body.code, 0, "another merchant's script does not apply");
    t.equal((await door.send('DELETE', `/sandbox/outcomes?merchant=${merchantB.code}`)).body.code, 0);
    t.same(door.sandbox.outcomes.list(), []);

    const badReason = await door.send('POST', '/sandbox/outcomes', { json: { card: '1234', result: 'decline', reason: 'bad_luck' } });
    t.equal(badReason.status, 400);
    t.equal(badReason.body.code, -1);
    const noTarget = await door.send('POST', '/sandbox/outcomes', { json: { result: 'approve' } });
    t.equal(noTarget.status, 400);
  });

  t.test('scripted outcomes apply to scheduled charges too', async (t) => {
    const door = await start();
    await onetime(door, 'issue', { customer_uid: 'sched' });
    door.sandbox.outcomes.add({ customer_uid: 'sched', result: 'decline', reason: 'suspended_card' });
    await door.call('POST', '/subscribe/payments/schedule', {
      json: { customer_uid: 'sched', schedules: [{ merchant_uid: 's', schedule_at: START / 1000 + 60, amount: 10, name: 'x' }] },
    });
    await door.sandbox.advance(60_000);
    t.match(door.sandbox.schedules.list(), [{ payment_status: 'failed', fail_reason: /거래정지카드/ }]);
  });

  t.test('fault injection: seeded 5xx, latency, dropped connections; the control API is never faulted', async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const lookup = () => door.send('GET', '/payments/imps_000000000000', { headers: { authorization: token } });

    const set = await door.send('PUT', '/sandbox/faults/getPaymentByImpUid', { json: { error_rate: 1, error_status: 503 } });
    t.same(set.body.response, { operation: 'getPaymentByImpUid', latency_ms: 0, error_rate: 1, error_status: 503, drop_rate: 0, seed: 1 });
    const failed = await lookup();
    t.equal(failed.status, 503);
    t.match(failed.body, { code: -1, response: null, message: /503/ });
    t.equal((await door.call('GET', '/subscribe/customers/x')).status, 404, 'other endpoints are untouched');

    await door.send('PUT', '/sandbox/faults/getPaymentByImpUid', { json: { error_rate: 0.5, seed: 7 } });
    const first = await Promise.all(Array.from({ length: 12 }, () => lookup()));
    await door.send('PUT', '/sandbox/faults/getPaymentByImpUid', { json: { error_rate: 0.5, seed: 7 } });
    const second = await Promise.all(Array.from({ length: 12 }, () => lookup()));
    t.same(
      first.map((r) => r.status),
      second.map((r) => r.status),
      'the same seed fails the same requests',
    );
    t.ok(first.some((r) => r.status === 500) && first.some((r) => r.status === 404), 'a rate, not all or nothing');

    await door.send('PUT', '/sandbox/faults/getPaymentByImpUid', { json: { latency_ms: 40 } });
    const began = Date.now();
    t.equal((await lookup()).status, 404);
    t.ok(Date.now() - began >= 35, 'latency added');

    await door.send('PUT', '/sandbox/faults/*', { json: { drop_rate: 1 } });
    await door.send('DELETE', '/sandbox/faults/getPaymentByImpUid');
    await t.rejects(lookup(), 'a dropped connection: no answer at all');
    t.match((await door.send('GET', '/sandbox/faults')).body.response, [{ operation: '*', drop_rate: 1 }]);
    t.equal((await door.send('DELETE', '/sandbox/faults')).status, 200, 'the control API still answers');
    t.equal((await lookup()).status, 404);

    const tooMuch = await door.send('PUT', '/sandbox/faults/again', { json: { error_rate: 0.7, drop_rate: 0.7 } });
    t.equal(tooMuch.status, 400);
  });
});

t.test('the control API is off with `control: false`', async (t) => {
  const sandbox = await createSandbox({ seed: 1 });
  const app = await buildApp({ sandbox, control: false });
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/sandbox/reset' });
  t.equal(res.statusCode, 404);
  t.equal(JSON.parse(res.body).code, -1);
  t.equal((await app.inject({ method: 'GET', url: '/sandbox/health' })).statusCode, 200, 'the health check stays');
});
