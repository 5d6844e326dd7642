import t from 'tap';
import { forEachDoor, merchantB } from '../helpers/doors.js';

// getPaymentsByStatus, getAllPaymentsByMerchantUid and balanceByImpUid (vendor V1 OpenAPI).

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const DAY_MS = 24 * 3600 * 1000;

forEachDoor(t, async (t, start) => {
  t.test('payments by status: paged, newest first, the last 90 days by default', async (t) => {
    const door = await start();
    const charge = (merchantUid: string, cardNumber = card.card_number) =>
      door.call('POST', '/subscribe/payments/onetime', { json: { ...card, card_number: cardNumber, merchant_uid: merchantUid, amount: 1000 } });
    await charge('old');
    await door.sandbox.advance(100 * DAY_MS);
    for (const uid of ['p-1', 'p-2', 'p-3']) {
      await charge(uid);
      await door.sandbox.advance(1000);
    }
    await charge('f-1', '4000-0000-0000-0051');

    const paid = await door.call('GET', '/payments/status/paid?limit=2');
    t.match(paid.body.response, { total: 3, previous: 0, next: 2 });
    t.same(paid.body.response.list.map((p: any) => p.merchant_uid), ['p-3', 'p-2'], 'the payment of 100 days ago is outside the default window');
    const second = await door.call('GET', '/payments/status/paid?limit=2&page=2&sorting=-started');
    t.same(second.body.response.list.map((p: any) => p.merchant_uid), ['p-1']);
    t.same((await door.call('GET', '/payments/status/all?sorting=started')).body.response.list.map((p: any) => p.merchant_uid), ['p-1', 'p-2', 'p-3', 'f-1']);
    t.equal((await door.call('GET', '/payments/status/failed')).body.response.total, 1);
    const from = Math.floor(door.sandbox.clock.now() / 1000) - 200 * 86400;
    t.equal((await door.call('GET', `/payments/status/all?from=${from}`)).status, 400, 'more than 90 days');
    const older = from + 99 * 86400;
    t.same((await door.call('GET', `/payments/status/paid?from=${older}&to=${older + 89 * 86400}`)).body.response.list.map((p: any) => p.merchant_uid), ['old']);
    t.equal((await door.call('GET', '/payments/status/paid?page=3&limit=2')).status, 400, 'a page past the data');
    t.equal((await door.call('GET', '/payments/status/sideways')).status, 400);
    t.equal((await door.call('GET', '/payments/status/all?limit=1001')).status, 400);
    t.equal((await door.call('GET', '/payments/status/all', {}, merchantB)).body.response.total, 0, "another merchant's payments are invisible");
  });

  t.test('every attempt under one merchant_uid; balance is PAYCO only', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, card_number: '4000-0000-0000-0051', merchant_uid: 'm-1', amount: 1000 } });
    await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, card_number: '4000-0000-0000-0069', merchant_uid: 'm-1', amount: 1000 } });
    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, merchant_uid: 'm-1', amount: 1000 } });
    const failed = await door.call('GET', '/payments/findAll/m-1/failed');
    t.match(failed.body, { code: 0, response: { total: 2, previous: 0, next: 0 } });
    t.equal((await door.call('GET', '/payments/findAll/m-1/paid')).body.response.list[0].imp_uid, paid.body.response.imp_uid);
    t.equal((await door.call('GET', '/payments/findAll/m-1/cancelled')).status, 404);
    t.equal((await door.call('GET', '/payments/findAll/m-1/paid', {}, merchantB)).status, 404);

    const balance = await door.call('GET', `/payments/${paid.body.response.imp_uid}/balance`);
    t.same(balance, { ...balance, status: 200, body: { code: 1, message: '현재 지원되지 않는 PG사입니다.', response: null } });
    t.equal((await door.call('GET', '/payments/imps_000000000000/balance')).status, 404);
  });
});
