import t from 'tap';
import { forEachDoor, merchantB, START, type Door } from '../helpers/doors.js';
import { webhookReceiver } from '../helpers/webhook-receiver.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const HOUR = 3600;
const at = (hours: number) => START / 1000 + hours * HOUR;

/** A billing key issued the Settle way: a onetime charge with customer_uid. */
async function issueKey(door: Door, customerUid: string, cardNumber = card.card_number) {
  const res = await door.call('POST', '/subscribe/payments/onetime', {
    json: { merchant_uid: `issue-${customerUid}`, customer_uid: customerUid, amount: 100, ...card, card_number: cardNumber, buyer_name: '홍길동' },
  });
  if (res.body.code !== 0) throw new Error(`key not issued: ${res.body.message}`);
}

const schedule = (door: Door, customerUid: string, schedules: object[], extra: object = {}) =>
  door.call('POST', '/subscribe/payments/schedule', { json: { customer_uid: customerUid, schedules, ...extra } });

forEachDoor(t, async (t, start) => {
  t.test('a schedule answers ScheduleResults, runs as `again` at schedule_at, and shows the result', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-1');
    const res = await schedule(door, 'sub-1', [{ merchant_uid: 'sch-1', schedule_at: at(1), amount: 9900, name: '정기구독 3월' }]);
    t.equal(res.status, 200);
    t.same(res.body, {
      code: 0,
      message: null,
      response: [
        {
          customer_uid: 'sub-1',
          merchant_uid: 'sch-1',
          imp_uid: null,
          pg_provider: 'settle',
          pg_id: 'nxca_jt_bi',
          customer_id: null,
          schedule_at: at(1),
          executed_at: 0,
          revoked_at: 0,
          amount: 9900,
          currency: 'KRW',
          name: '정기구독 3월',
          buyer_name: '홍길동',
          buyer_email: null,
          buyer_tel: null,
          buyer_addr: null,
          buyer_postcode: null,
          custom_data: null,
          schedule_status: 'scheduled',
          payment_status: null,
          fail_reason: null,
          promotion_id: null,
        },
      ],
    });

    await door.sandbox.advance(59 * 60 * 1000);
    t.equal((await door.call('GET', '/subscribe/payments/schedule/sch-1')).body.response.schedule_status, 'scheduled', 'not before its time');

    await door.sandbox.advance(60 * 1000);
    const after = (await door.call('GET', '/subscribe/payments/schedule/sch-1')).body.response;
    t.match(after, { schedule_status: 'executed', payment_status: 'paid', executed_at: at(1), fail_reason: null, imp_uid: /^imps_\d{12}$/ });
    const payment = (await door.call('GET', `/payments/${after.imp_uid}`)).body.response;
    t.match(payment, {
      merchant_uid: 'sch-1',
      status: 'paid',
      amount: 9900,
      customer_uid: 'sub-1',
      customer_uid_usage: 'payment.scheduled',
      paid_at: at(1),
      buyer_name: '홍길동',
      channel: 'api',
    });
  });

  t.test('advancing a day runs every due schedule in order, each at its own time', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-2');
    await schedule(door, 'sub-2', [
      { merchant_uid: 'late', schedule_at: at(3), amount: 300, name: 'c' },
      { merchant_uid: 'early', schedule_at: at(1), amount: 100, name: 'a' },
      { merchant_uid: 'mid', schedule_at: at(2), amount: 200, name: 'b' },
      { merchant_uid: 'tomorrow', schedule_at: at(30), amount: 400, name: 'd' },
    ]);
    const res = await door.send('POST', '/sandbox/clock/advance', { json: { hours: 24 } });
    t.equal(res.body.response.now_unix, at(24));
    const payments = door.sandbox.listPayments().filter((p) => p.customer_uid_usage === 'payment.scheduled');
    t.same(
      payments.map((p) => [p.merchant_uid, p.paid_at]),
      [
        ['early', at(1)],
        ['mid', at(2)],
        ['late', at(3)],
      ],
    );
    t.equal((await door.call('GET', '/subscribe/payments/schedule/tomorrow')).body.response.schedule_status, 'scheduled');
  });

  t.test('a declined scheduled charge: executed, payment_status failed, the PG message as fail_reason', async (t) => {
    const door = await start();
    // 4000-0000-0000-0341: the first charge passes, later billing-key charges decline (fixtures/cards.json).
    await issueKey(door, 'sub-3', '4000-0000-0000-0341');
    await schedule(door, 'sub-3', [{ merchant_uid: 'sch-3', schedule_at: at(1), amount: 500, name: 'x' }]);
    await door.sandbox.advance(HOUR * 1000);
    const result = (await door.call('GET', '/subscribe/payments/schedule/sch-3')).body.response;
    t.match(result, { schedule_status: 'executed', payment_status: 'failed', imp_uid: /^imps_/, fail_reason: /한도초과/ });
    t.match((await door.call('GET', `/payments/${result.imp_uid}`)).body.response, { status: 'failed', customer_uid_usage: 'payment.scheduled' });
  });

  t.test('unknown customer_uid without card details: the reference message', async (t) => {
    const door = await start();
    const res = await schedule(door, 'nobody', [{ merchant_uid: 's', schedule_at: at(1), amount: 100, name: 'x' }]);
    t.same(res.body, { code: 1, message: '등록된 고객정보가 없습니다.', response: null });
    t.equal(res.status, 200);
  });

  t.test('card details with an unknown customer_uid issue the key first, under the billing-key contract', async (t) => {
    const door = await start();
    const entry = { merchant_uid: 'k-1', schedule_at: at(1), amount: 100, name: 'x' };
    const refused = await schedule(door, 'new-key', [entry], card);
    t.equal(refused.body.code, 1);
    t.match(refused.body.message, /빌링키 단독 발급 API를 지원하지 않습니다/);
    t.equal((await door.call('GET', '/subscribe/customers/new-key')).status, 404, 'no key without the contract');
    t.equal((await door.call('GET', '/subscribe/payments/schedule/k-1')).status, 404, 'and no schedule');

    const contracted = await door.call(
      'POST',
      '/subscribe/payments/schedule',
      { json: { customer_uid: 'new-key', ...card, birth: '900101', pwd_2digit: '12', customer_id: 'user-9', schedules: [entry] } },
      merchantB,
    );
    t.match(contracted.body, { code: 0, response: [{ customer_uid: 'new-key', pg_id: 'nxca_ks_gu', customer_id: 'user-9' }] });
    t.match((await door.call('GET', '/subscribe/customers/new-key', {}, merchantB)).body.response, { card_number: '123412******1234' });

    const badCard = await door.call(
      'POST',
      '/subscribe/payments/schedule',
      { json: { customer_uid: 'bad-key', ...card, card_number: '4000-0000-0000-0101', birth: '900101', pwd_2digit: '12', schedules: [{ ...entry, merchant_uid: 'k-2' }] } },
      merchantB,
    );
    t.equal(badCard.body.code, -1, 'a card the PG refuses: the key-issuing failure');
    t.equal((await door.call('GET', '/subscribe/payments/schedule/k-2', {}, merchantB)).status, 404);
  });

  t.test('a merchant_uid that is scheduled or paid cannot be scheduled again; a revoked one can', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-4');
    await schedule(door, 'sub-4', [{ merchant_uid: 'dup', schedule_at: at(1), amount: 100, name: 'x' }]);
    const again = await schedule(door, 'sub-4', [{ merchant_uid: 'dup', schedule_at: at(2), amount: 100, name: 'x' }]);
    t.match(again.body, { code: 1, response: null, message: /dup/ });
    const twice = await schedule(door, 'sub-4', [
      { merchant_uid: 'twin', schedule_at: at(2), amount: 100, name: 'x' },
      { merchant_uid: 'twin', schedule_at: at(3), amount: 100, name: 'x' },
    ]);
    t.equal(twice.body.code, 1, 'duplicates within one request');
    t.equal((await door.call('GET', '/subscribe/payments/schedule/twin')).status, 404, 'nothing of a refused request is kept');
    const paid = await schedule(door, 'sub-4', [{ merchant_uid: 'issue-sub-4', schedule_at: at(2), amount: 100, name: 'x' }]);
    t.equal(paid.body.code, 1, 'the merchant_uid of a paid payment');

    await door.call('POST', '/subscribe/payments/unschedule', { json: { customer_uid: 'sub-4', merchant_uid: ['dup'] } });
    const rescheduled = await schedule(door, 'sub-4', [{ merchant_uid: 'dup', schedule_at: at(5), amount: 700, name: 'y' }]);
    t.match(rescheduled.body.response, [{ merchant_uid: 'dup', schedule_status: 'scheduled', amount: 700 }]);
  });

  t.test('unschedule revokes, and unscheduling an executed or unknown schedule gets the reference message', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-5');
    await schedule(door, 'sub-5', [
      { merchant_uid: 'u-1', schedule_at: at(1), amount: 100, name: 'x' },
      { merchant_uid: 'u-2', schedule_at: at(2), amount: 100, name: 'x' },
      { merchant_uid: 'u-3', schedule_at: at(3), amount: 100, name: 'x' },
    ]);
    await door.sandbox.advance(HOUR * 1000);

    const executed = await door.call('POST', '/subscribe/payments/unschedule', { json: { customer_uid: 'sub-5', merchant_uid: ['u-1'] } });
    t.same(executed.body, { code: 1, message: '취소할 예약결제 기록이 존재하지 않습니다.', response: null });
    t.equal(executed.status, 200);
    const unknown = await door.call('POST', '/subscribe/payments/unschedule', { json: { merchant_uid: 'nope' } });
    t.same(unknown.body, { code: 1, message: '취소할 예약결제 기록이 존재하지 않습니다.', response: null });

    const one = await door.call('POST', '/subscribe/payments/unschedule', { form: { customer_uid: 'sub-5', 'merchant_uid[]': ['u-2'] } });
    t.match(one.body, { code: 0, response: [{ merchant_uid: 'u-2', schedule_status: 'revoked', revoked_at: at(1) }] });
    t.equal(one.body.response.length, 1);

    const all = await door.call('POST', '/subscribe/payments/unschedule', { json: { customer_uid: 'sub-5' } });
    t.same(all.body.response.map((s: any) => s.merchant_uid), ['u-3'], 'all pending of the customer: the executed and revoked ones stay');
    await door.sandbox.advance(10 * HOUR * 1000);
    t.equal((await door.call('GET', '/subscribe/payments/schedule/u-3')).body.response.schedule_status, 'revoked', 'a revoked schedule never runs');

    const neither = await door.call('POST', '/subscribe/payments/unschedule', { json: {} });
    t.same(neither.body, { code: -1, message: '["customer_uid"] 파라메터는 필수입니다.', response: null });
  });

  t.test('deleting a billing key leaves its schedules: they run at their time and fail, with the failed webhook', async (t) => {
    const receiver = await webhookReceiver(t);
    const door = await start();
    await issueKey(door, 'sub-6');
    await schedule(door, 'sub-6', [{ merchant_uid: 'd-1', schedule_at: at(1), amount: 100, name: 'x', notice_url: receiver.url }]);
    t.equal((await door.call('DELETE', '/subscribe/customers/sub-6')).body.code, 0);
    t.match((await door.call('GET', '/subscribe/payments/schedule/d-1')).body.response, { schedule_status: 'scheduled', revoked_at: 0 }, 'still pending');
    await door.sandbox.advance(2 * HOUR * 1000);
    await door.sandbox.webhooks.settle();
    const ran = (await door.call('GET', '/subscribe/payments/schedule/d-1')).body.response;
    t.match(ran, { schedule_status: 'executed', executed_at: at(1), payment_status: 'failed', fail_reason: '등록되지 않은 구매자입니다.' });
    const payment = (await door.call('GET', `/payments/${ran.imp_uid}`)).body.response;
    t.match(payment, { status: 'failed', amount: 100, customer_uid: 'sub-6', customer_uid_usage: 'payment.scheduled', failed_at: at(1), paid_at: 0, fail_reason: '등록되지 않은 구매자입니다.' });
    t.same(receiver.received.map((r) => r.fields), [{ imp_uid: ran.imp_uid, merchant_uid: 'd-1', status: 'failed' }], 'the failed webhook');
  });

  t.test('a scheduled payment cancelled afterwards shows payment_status "cancelled" on its schedule', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-9');
    await schedule(door, 'sub-9', [{ merchant_uid: 'x-1', schedule_at: at(1), amount: 1000, name: 'x' }]);
    await door.sandbox.advance(2 * HOUR * 1000);
    const ran = (await door.call('GET', '/subscribe/payments/schedule/x-1')).body.response;
    t.equal(ran.payment_status, 'paid');
    await door.call('POST', '/payments/cancel', { json: { merchant_uid: 'issue-sub-9' } });
    t.equal((await door.call('GET', '/subscribe/payments/schedule/x-1')).body.response.payment_status, 'paid', "another payment's cancel leaves it");
    await door.call('POST', '/payments/cancel', { json: { imp_uid: ran.imp_uid, amount: 300 } });
    t.match((await door.call('GET', '/subscribe/payments/schedule/x-1')).body.response, { schedule_status: 'executed', payment_status: 'cancelled', imp_uid: ran.imp_uid });
  });

  t.test('lookups: by merchant_uid (404 when unknown), by customer, and by date range, paged', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-7');
    await issueKey(door, 'sub-8');
    await schedule(door, 'sub-7', [1, 2, 3].map((h) => ({ merchant_uid: `r-${h}`, schedule_at: at(h), amount: 100 * h, name: 'x' })));
    await schedule(door, 'sub-8', [{ merchant_uid: 'other', schedule_at: at(2), amount: 100, name: 'x' }]);
    await door.sandbox.advance(HOUR * 1000);

    const missing = await door.call('GET', '/subscribe/payments/schedule/ghost');
    t.equal(missing.status, 404);
    t.match(missing.body, { code: 1, response: null });

    const mine = await door.call('GET', `/subscribe/payments/schedule/customers/sub-7?from=${at(0)}&to=${at(3)}`);
    t.same(mine.body.response.list.map((s: any) => s.merchant_uid), ['r-2', 'r-1'], 'from <= schedule_at < to, newest first');
    t.match(mine.body.response, { total: 2, previous: 0, next: 0 });
    const pending = await door.call('GET', `/subscribe/payments/schedule/customers/sub-7?from=${at(0)}&to=${at(9)}&schedule-status=scheduled`);
    t.same(pending.body.response.list.map((s: any) => s.merchant_uid), ['r-3', 'r-2']);
    const noRange = await door.call('GET', '/subscribe/payments/schedule/customers/sub-7');
    t.same(noRange.body, { code: -1, message: '["from"] 파라메터는 필수입니다.', response: null });

    const range = await door.call('GET', `/subscribe/payments/schedule?schedule_from=${at(0)}&schedule_to=${at(9)}&limit=2`);
    t.match(range.body.response, { total: 4, previous: 0, next: 2 });
    t.same(range.body.response.list.map((s: any) => s.merchant_uid), ['r-3', 'other'], 'newest first by default');
    const second = await door.call('GET', `/subscribe/payments/schedule?schedule_from=${at(0)}&schedule_to=${at(9)}&limit=2&page=2&sorting=-schedule_at`);
    t.same(second.body.response.list.map((s: any) => s.merchant_uid), ['r-2', 'r-1']);
    t.match(second.body.response, { previous: 1, next: 0 });
    const executed = await door.call('GET', `/subscribe/payments/schedule?schedule_from=${at(0)}&schedule_to=${at(9)}&schedule_status=executed&sorting=schedule_at`);
    t.same(executed.body.response.list.map((s: any) => s.merchant_uid), ['r-1']);
    const otherMerchant = await door.call('GET', `/subscribe/payments/schedule?schedule_from=${at(0)}&schedule_to=${at(9)}`, {}, merchantB);
    t.equal(otherMerchant.body.response.total, 0, "another merchant's schedules are invisible");
  });

  t.test('form-encoded schedules (schedules[0][field]) and bad input get the envelope', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-9');
    const res = await door.call('POST', '/subscribe/payments/schedule', {
      form: {
        customer_uid: 'sub-9',
        'schedules[0][merchant_uid]': 'f-1',
        'schedules[0][schedule_at]': String(at(1)),
        'schedules[0][amount]': '1000',
        'schedules[0][name]': '폼',
        'schedules[1][merchant_uid]': 'f-2',
        'schedules[1][schedule_at]': String(at(2)),
        'schedules[1][amount]': '2000',
        'schedules[1][name]': '폼 2',
        'schedules[1][custom_data]': '{"plan":"pro"}',
      },
    });
    t.match(res.body, { code: 0, response: [{ merchant_uid: 'f-1', amount: 1000, name: '폼' }, { merchant_uid: 'f-2', amount: 2000, custom_data: '{"plan":"pro"}' }] });

    const noSchedules = await door.call('POST', '/subscribe/payments/schedule', { json: { customer_uid: 'sub-9' } });
    t.same(noSchedules.body, { code: -1, message: '["schedules"] 파라메터는 필수입니다.', response: null });
    t.equal(noSchedules.status, 400);
    const badAmount = await schedule(door, 'sub-9', [{ merchant_uid: 'f-3', schedule_at: at(1), amount: 'lots', name: 'x' }]);
    t.equal(badAmount.status, 400);
    t.equal(badAmount.body.code, -1);
    const noToken = await door.send('POST', '/subscribe/payments/schedule', { json: { customer_uid: 'sub-9', schedules: [] } });
    t.equal(noToken.status, 401);
  });

  t.test('schedules survive export and import', async (t) => {
    const door = await start();
    await issueKey(door, 'sub-10');
    await schedule(door, 'sub-10', [{ merchant_uid: 'e-1', schedule_at: at(1), amount: 100, name: 'x' }]);
    const snapshot = door.sandbox.export();
    await door.sandbox.reset();
    t.same(door.sandbox.schedules.list(), []);
    await door.sandbox.import(snapshot);
    await door.sandbox.advance(HOUR * 1000);
    t.match(door.sandbox.schedules.list(), [{ merchant_uid: 'e-1', schedule_status: 'executed', payment_status: 'paid' }]);
  });
});
