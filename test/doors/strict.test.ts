import t from 'tap';
import { forEachDoor, START } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

forEachDoor(t, async (t, start) => {
  t.test('unknown fields in a control body are refused, naming the field, and change nothing', async (t) => {
    const door = await start();
    const advance = await door.send('POST', '/sandbox/clock/advance', { json: { day: 1 } });
    t.equal(advance.status, 400);
    t.same(advance.body, { code: -1, message: '["day"] 알 수 없는 파라메터입니다.', response: null });
    t.equal(door.sandbox.clock.now(), START, 'the clock did not move');
    const outcome = await door.send('POST', '/sandbox/outcomes', { json: { customer_uid: 'c', result: 'decline', reasn: 'x' } });
    t.equal(outcome.status, 400);
    t.match(outcome.body.message, /\["reasn"\]/);
    t.same(door.sandbox.outcomes.list(), []);
    t.equal((await door.send('PUT', '/sandbox/faults/again', { json: { eror_rate: 1 } })).status, 400);
    t.equal((await door.send('POST', '/sandbox/reset', { json: { merchnt: 'imp10000001' } })).status, 400);
  });

  t.test('faults name a vendor operationId or *: anything else would never fire', async (t) => {
    const door = await start();
    const typo = await door.send('PUT', '/sandbox/faults/getPaymnet', { json: { error_rate: 1 } });
    t.equal(typo.status, 400);
    t.match(typo.body, { code: -1, message: /^\["operation"\] .*getPaymnet/ });
    t.equal((await door.send('PUT', '/sandbox/faults/sandboxReset', { json: { error_rate: 1 } })).status, 400, 'control operations are never faulted');
    t.same(door.sandbox.faults.list(), []);
    t.equal((await door.send('PUT', '/sandbox/faults/getPaymentByImpUid', { json: { error_rate: 1 } })).status, 200);
    t.equal((await door.send('PUT', '/sandbox/faults/*', { json: { latency_ms: 1 } })).status, 200);
  });

  t.test('a full reset puts the clock back to real time unless keep_clock; a merchant reset leaves it', async (t) => {
    const door = await start();
    await door.send('POST', '/sandbox/reset', { json: { merchant: 'imp10000001' } });
    t.equal(door.sandbox.clock.now(), START, 'one merchant: the clock stays');
    await door.send('POST', '/sandbox/reset', { json: { keep_clock: true } });
    t.ok(door.sandbox.clock.frozen, 'keep_clock: still frozen');
    t.equal(door.sandbox.clock.now(), START);
    const reset = await door.send('POST', '/sandbox/reset');
    t.equal(reset.status, 200);
    const clock = (await door.send('GET', '/sandbox/clock')).body.response;
    t.equal(clock.frozen, false);
    t.ok(Math.abs(clock.now - Date.now()) < 5_000, 'real time again');
  });

  t.test('PUT /sandbox/state takes exactly what GET /sandbox/state gives, with every collection populated', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'rt-1', customer_uid: 'rt-key', amount: 1000, notice_url: 'http://127.0.0.1:9/hook', ...card },
    });
    await door.call('POST', '/subscribe/payments/schedule', {
      json: { customer_uid: 'rt-key', schedules: [{ merchant_uid: 'rt-2', schedule_at: START / 1000 + 3600, amount: 10, name: 'x' }] },
    });
    await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'rt-3', amount: 1004 } });
    await door.call('POST', '/receipts/external/rt-4', { json: { channel_key: 'channel-key-1', identifier: '01012345678', identifier_type: 'phone', name: '현장결제', amount: 1000 } });
    await door.send('POST', '/sandbox/tenants');
    await door.sandbox.webhooks.settle();

    const exported = (await door.send('GET', '/sandbox/state')).body.response;
    for (const [name, value] of Object.entries(exported)) {
      if (Array.isArray(value)) t.ok(value.length > 0, `${name} is populated`);
    }
    await door.send('POST', '/sandbox/reset', { json: { keep_clock: true } });
    const imported = await door.send('PUT', '/sandbox/state', { json: exported });
    t.equal(imported.status, 200, JSON.stringify(imported.body));
    t.same((await door.send('GET', '/sandbox/state')).body.response, exported);
  });
});
