import t from 'tap';
import { forEachDoor, merchantB, START, type Door } from '../helpers/doors.js';

// updateScheduleByMid, rescheduleByMid, retryScheduleByMid, the customer listing under /subscribe/customers,
// and the listings' three-month limit (vendor V1 OpenAPI).

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const HOUR = 3600;
const at = (hours: number) => START / 1000 + hours * HOUR;

async function issueKey(door: Door, customerUid: string) {
  const res = await door.call('POST', '/subscribe/payments/onetime', {
    json: { merchant_uid: `issue-${customerUid}`, customer_uid: customerUid, amount: 100, ...card },
  });
  if (res.body.code !== 0) throw new Error(`key not issued: ${res.body.message}`);
}

const schedule = (door: Door, customerUid: string, merchantUid: string, hours: number) =>
  door.call('POST', '/subscribe/payments/schedule', {
    json: { customer_uid: customerUid, schedules: [{ merchant_uid: merchantUid, schedule_at: at(hours), amount: 1000, name: 'x' }] },
  });

forEachDoor(t, async (t, start) => {
  t.test('PUT moves a pending schedule; a past time, a schedule that ran or was revoked, an unknown one are refused', async (t) => {
    const door = await start();
    await issueKey(door, 'c-1');
    await schedule(door, 'c-1', 's-1', 1);
    const moved = await door.call('PUT', '/subscribe/payments/schedule/s-1', { json: { schedule_at: at(5) } });
    t.match(moved, { status: 200, body: { code: 0, response: { merchant_uid: 's-1', schedule_at: at(5), schedule_status: 'scheduled' } } });
    await door.sandbox.advance(2 * HOUR * 1000);
    t.equal((await door.call('GET', '/subscribe/payments/schedule/s-1')).body.response.schedule_status, 'scheduled', 'it did not run at the old time');

    const past = await door.call('PUT', '/subscribe/payments/schedule/s-1', { form: { schedule_at: String(at(1)) } });
    t.match(past, { status: 400, body: { code: 1, response: null } });
    const missing = await door.call('PUT', '/subscribe/payments/schedule/s-1', { json: {} });
    t.same(missing.body, { code: -1, message: '["schedule_at"] 파라메터는 필수입니다.', response: null });
    t.equal((await door.call('PUT', '/subscribe/payments/schedule/ghost', { json: { schedule_at: at(9) } })).status, 404);
    t.equal((await door.call('PUT', '/subscribe/payments/schedule/s-1', { json: { schedule_at: at(9) } }, merchantB)).status, 404, "another merchant's schedule is unknown");

    await door.sandbox.advance(4 * HOUR * 1000);
    const ran = await door.call('PUT', '/subscribe/payments/schedule/s-1', { json: { schedule_at: at(20) } });
    t.match(ran, { status: 400, body: { code: 1 } }, 'an executed schedule cannot move');
  });

  t.test('a failed schedule is rescheduled, or retried now; a paid or pending one is refused', async (t) => {
    const door = await start();
    await issueKey(door, 'c-2');
    await schedule(door, 'c-2', 's-2', 1);
    await schedule(door, 'c-2', 's-3', 1);
    door.sandbox.outcomes.add({ customer_uid: 'c-2', result: 'decline', reason: 'insufficient_balance', times: 2 });
    t.match((await door.call('POST', '/subscribe/payments/schedule/s-2/retry')).body, { code: 1 }, 'a pending schedule cannot be retried');
    await door.sandbox.advance(HOUR * 1000);
    t.match((await door.call('GET', '/subscribe/payments/schedule/s-2')).body.response, { schedule_status: 'executed', payment_status: 'failed' });

    const again = await door.call('POST', '/subscribe/payments/schedule/s-2/reschedule', { json: { schedule_at: at(3) } });
    t.match(again.body.response, { schedule_status: 'scheduled', schedule_at: at(3), executed_at: 0, imp_uid: null, payment_status: null, fail_reason: null });
    await door.sandbox.advance(2 * HOUR * 1000);
    t.match((await door.call('GET', '/subscribe/payments/schedule/s-2')).body.response, { schedule_status: 'executed', payment_status: 'paid' });
    t.match((await door.call('POST', '/subscribe/payments/schedule/s-2/reschedule', { json: { schedule_at: at(9) } })).body, { code: 1 }, 'a paid schedule is not taken up again');

    const retried = await door.call('POST', '/subscribe/payments/schedule/s-3/retry');
    t.match(retried, { status: 200, body: { code: 0, response: { merchant_uid: 's-3', status: 'paid', customer_uid_usage: 'payment.scheduled' } } });
    t.match((await door.call('GET', '/subscribe/payments/schedule/s-3')).body.response, { payment_status: 'paid', imp_uid: retried.body.response.imp_uid });
    t.equal((await door.call('POST', '/subscribe/payments/schedule/ghost/retry')).status, 404);
  });

  t.test('a revoked schedule can be retried; without its billing key → 404', async (t) => {
    const door = await start();
    await issueKey(door, 'c-3');
    await schedule(door, 'c-3', 's-4', 5);
    await schedule(door, 'c-3', 's-5', 5);
    await door.call('POST', '/subscribe/payments/unschedule', { json: { customer_uid: 'c-3', merchant_uid: ['s-4'] } });
    const retried = await door.call('POST', '/subscribe/payments/schedule/s-4/retry');
    t.equal(retried.body.response.status, 'paid');
    // Deleting a key leaves its schedules pending (the vendor's rule), so s-5 is revoked first to be retryable.
    await door.call('POST', '/subscribe/payments/unschedule', { json: { customer_uid: 'c-3', merchant_uid: ['s-5'] } });
    await door.call('DELETE', '/subscribe/customers/c-3');
    t.equal((await door.call('POST', '/subscribe/payments/schedule/s-5/retry')).status, 404, 'the key is gone');
  });

  t.test('the customer listing under /subscribe/customers, and at most three months per listing', async (t) => {
    const door = await start();
    await issueKey(door, 'c-4');
    await schedule(door, 'c-4', 's-6', 1);
    const list = await door.call('GET', `/subscribe/customers/c-4/schedules?from=${at(0)}&to=${at(9)}&schedule-status=scheduled`);
    t.match(list.body.response, { total: 1, previous: 0, next: 0, list: [{ merchant_uid: 's-6' }] });
    const tooLong = await door.call('GET', `/subscribe/customers/c-4/schedules?from=0&to=${at(9)}`);
    t.match(tooLong, { status: 400, body: { code: -1, message: /^\["to"\]/ } });
    const range = await door.call('GET', `/subscribe/payments/schedule?schedule_from=0&schedule_to=${at(9)}`);
    t.match(range, { status: 400, body: { code: -1, message: /^\["schedule_to"\]/ } });
    const oldest = await door.call('GET', `/subscribe/payments/schedule?schedule_from=${at(0)}&schedule_to=${at(9)}&sorting=scheduled`);
    t.equal(oldest.body.response.total, 1);
  });
});
