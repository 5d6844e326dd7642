import t from 'tap';
import { forEachDoor, type Door } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

async function pay(door: Door, merchant_uid: string, amount = 1000) {
  const res = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid, ...card, amount } });
  return res.body.response;
}

forEachDoor(t, async (t, start) => {
  t.test('lookups by imp_uid, by merchant_uid (with status and sorting) and in bulk', async (t) => {
    const door = await start();
    const paid = await pay(door, 'order-1');
    const byId = await door.call('GET', `/payments/${paid.imp_uid}`);
    t.equal(byId.status, 200);
    t.same(byId.body, { code: 0, message: null, response: paid });
    t.same((await door.call('GET', '/payments/find/order-1')).body.response, paid);
    t.same((await door.call('GET', '/payments/find/order-1/paid')).body.response, paid);
    const wrongStatus = await door.call('GET', '/payments/find/order-1/cancelled');
    t.equal(wrongStatus.status, 404);
    t.same(wrongStatus.body, { code: -1, message: '존재하지 않는 결제정보입니다.', response: null });
    t.equal((await door.call('GET', '/payments/find/order-1/unknown')).status, 400, 'an unknown status is refused');
    t.equal((await door.call('GET', '/payments/find/order-1?sorting=sideways')).status, 400);

    await door.sandbox.advance(5000);
    await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'order-2', card_number: '4000000000000051', expiry: '2030-01', amount: 10 },
    });
    await door.sandbox.advance(5000);
    const retry = await pay(door, 'order-2', 20);
    t.equal((await door.call('GET', '/payments/find/order-2')).body.response.imp_uid, retry.imp_uid, '-started: newest first');
    t.equal((await door.call('GET', '/payments/find/order-2?sorting=started')).body.response.status, 'failed', 'started: oldest first');

    const notFound = await door.call('GET', '/payments/imps_999999999999');
    t.equal(notFound.status, 404);
    t.same(notFound.body, { code: -1, message: '존재하지 않는 결제정보입니다.', response: null });

    const both = await door.call('GET', `/payments?imp_uid[]=${paid.imp_uid}&merchant_uid[]=order-2`);
    t.equal(both.status, 200);
    t.same(both.body.response.map((p: any) => p.merchant_uid).sort(), ['order-1', 'order-2']);
    const partial = await door.call('GET', `/payments?imp_uid[]=${paid.imp_uid}&imp_uid[]=imps_000000000000`);
    t.equal(partial.status, 207);
    t.equal(partial.body.response.length, 1);
    const none = await door.call('GET', '/payments?imp_uid[]=imps_000000000000');
    t.equal(none.status, 404);
    t.same(none.body, { code: -1, message: '해당되는 결제건을 찾지 못하였습니다.', response: null });
    const noIds = await door.call('GET', '/payments');
    t.equal(noIds.status, 400);
  });

  t.test('partial and full cancels, by imp_uid or merchant_uid, with checksum', async (t) => {
    const door = await start();
    const paid = await pay(door, 'c-1', 1000);
    await door.sandbox.advance(60_000);
    const part = await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.imp_uid, amount: 300, checksum: 1000, reason: '부분취소' } });
    t.equal(part.status, 200);
    t.match(part.body, {
      code: 0,
      message: null,
      response: { status: 'cancelled', amount: 1000, cancel_amount: 300, cancel_reason: '부분취소', cancelled_at: paid.paid_at + 60 },
    });
    t.equal(part.body.response.cancel_history.length, 1);
    t.match(part.body.response.cancel_history[0], { amount: 300, reason: '부분취소', cancelled_at: paid.paid_at + 60, pg_tid: paid.pg_tid, cancellation_id: /^[0-9A-Za-z]{20}$/ });

    const stale = await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.imp_uid, amount: 100, checksum: 1000 } });
    t.match(stale.body, { code: 1, message: /checksum/, response: null }, 'a stale checksum is refused');
    const over = await door.call('POST', '/payments/cancel', { form: { merchant_uid: 'c-1', amount: '701' } });
    t.match(over.body, { code: 1, message: /취소가능잔액\(700\)/, response: null });
    const rest = await door.call('POST', '/payments/cancel', { form: { merchant_uid: 'c-1', checksum: '700' } });
    t.match(rest.body.response, { status: 'cancelled', cancel_amount: 1000 });
    t.equal(rest.body.response.cancel_history.length, 2);
    const again = await door.call('POST', '/payments/cancel', { json: { imp_uid: paid.imp_uid } });
    t.same(again.body, { code: 1, message: '이미 전액취소된 주문입니다.', response: null });
    const looked = await door.call('GET', `/payments/${paid.imp_uid}`);
    t.equal(looked.body.response.cancel_amount, 1000, 'refused cancels changed nothing');

    const full = await pay(door, 'c-2', 500);
    const fullCancel = await door.call('POST', '/payments/cancel', { json: { imp_uid: full.imp_uid, merchant_uid: 'ignored' } });
    t.match(fullCancel.body.response, { imp_uid: full.imp_uid, cancel_amount: 500, status: 'cancelled' }, 'imp_uid wins over merchant_uid');
    const repay = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'c-2', ...card, amount: 500 } });
    t.equal(repay.body.code, 1, 'a cancelled merchant_uid cannot be paid again');
  });

  t.test('cancel errors: nothing to cancel, no id, failed payments', async (t) => {
    const door = await start();
    const nothing = { code: 1, message: '취소할 결제건이 존재하지 않습니다.', response: null };
    t.same((await door.call('POST', '/payments/cancel', { json: { imp_uid: 'imps_000000000000' } })).body, nothing);
    t.same((await door.call('POST', '/payments/cancel', { json: { merchant_uid: 'never' } })).body, nothing);
    const noId = await door.call('POST', '/payments/cancel', { json: { amount: 100 } });
    t.match(noId.body, { code: 1, message: /지정해주셔야합니다\.$/ });
    await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'failed', card_number: '4000000000000051', expiry: '2030-01', amount: 10 },
    });
    t.same((await door.call('POST', '/payments/cancel', { json: { merchant_uid: 'failed' } })).body, nothing, 'a failed payment has nothing to cancel');
    const negative = await door.call('POST', '/payments/cancel', { json: { merchant_uid: 'x', amount: -5 } });
    t.equal(negative.status, 400);
  });
});
