import t from 'tap';
import { forEachDoor, merchantA, merchantB, START, type Door } from '../helpers/doors.js';
import { webhookReceiver } from '../helpers/webhook-receiver.js';

// Issue #23, the second fidelity audit: what the vendor's document refuses is refused here, and what it serves is
// served. Each scenario runs through both doors.

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const HOUR = 3600;
const at = (hours: number) => START / 1000 + hours * HOUR;

async function issueKey(door: Door, customerUid: string) {
  const res = await door.call('POST', '/subscribe/payments/onetime', {
    json: { merchant_uid: `issue-${customerUid}`, customer_uid: customerUid, amount: 1000, ...card },
  });
  if (res.body.code !== 0) throw new Error(`key not issued: ${res.body.message}`);
}

const schedule = (door: Door, customerUid: string, entries: object[]) =>
  door.call('POST', '/subscribe/payments/schedule', { json: { customer_uid: customerUid, schedules: entries } });

const scheduleCount = async (door: Door) => (await door.send('GET', '/sandbox/schedules')).body.response.length;

/** Merchant A with the separate Hecto contracts (stand-alone billing keys, API virtual accounts). */
const contracted = {
  merchants: [{ ...merchantA, settle: { ...merchantA.settle, billing_key_api: true, vbank_api: true } }, merchantB],
};

forEachDoor(t, async (t, start) => {
  t.test('1. a schedule without name is refused and nothing is stored; currency may be left to its default', async (t) => {
    const door = await start();
    await issueKey(door, 'k-1');
    const refused = await schedule(door, 'k-1', [{ merchant_uid: 's-1', schedule_at: at(1), amount: 1000 }]);
    t.same(refused, { ...refused, status: 400, body: { code: -1, message: '["name"] 파라메터는 필수입니다.', response: null } });
    t.equal((await door.call('GET', '/subscribe/payments/schedule/s-1')).status, 404);
    const form = await door.call('POST', '/subscribe/payments/schedule', {
      form: { customer_uid: 'k-1', 'schedules[0][merchant_uid]': 's-1', 'schedules[0][schedule_at]': String(at(1)), 'schedules[0][amount]': '1000' },
    });
    t.equal(form.body.message, '["name"] 파라메터는 필수입니다.', 'form bodies alike');
    const named = await schedule(door, 'k-1', [{ merchant_uid: 's-1', schedule_at: at(1), amount: 1000, name: '3월 구독' }]);
    t.match(named.body, { code: 0, response: [{ merchant_uid: 's-1', name: '3월 구독', currency: 'KRW' }] });
  });

  t.test('2. again without name is charged (the Settle guide sends none), with name null', async (t) => {
    const door = await start();
    await issueKey(door, 'k-2');
    const res = await door.call('POST', '/subscribe/payments/again', { json: { customer_uid: 'k-2', merchant_uid: 'a-2', amount: 3000 } });
    t.match(res.body, { code: 0, response: { status: 'paid', name: null, amount: 3000 } });
  });

  t.test('3. tax_free, vat_amount or vat above the amount are refused; cancels too', async (t) => {
    const door = await start();
    const over = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-3', amount: 1000, tax_free: 1001, ...card } });
    t.same(over.body, { code: -1, message: '["tax_free"] 파라메터의 값이 올바르지 않습니다: amount(1000) 이하여야 합니다.', response: null });
    t.equal(over.status, 400);
    t.equal((await door.call('GET', '/payments/find/o-3')).status, 404, 'nothing was charged or stored');
    const sum = await door.call('POST', '/subscribe/payments/onetime', { form: { merchant_uid: 'o-3', amount: '1000', tax_free: '600', vat_amount: '500', ...card } });
    t.match(sum, { status: 400, body: { code: -1, message: /^\["vat_amount"\]/ } });
    const deprecated = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-3', amount: 1000, vat: 2000, ...card } });
    t.match(deprecated, { status: 400, body: { message: /^\["vat"\]/ } });

    await issueKey(door, 'k-3');
    const again = await door.call('POST', '/subscribe/payments/again', { json: { customer_uid: 'k-3', merchant_uid: 'a-3', amount: 500, vat_amount: 501, name: 'x' } });
    t.match(again, { status: 400, body: { code: -1, message: /^\["vat_amount"\]/ } });
    const entry = await schedule(door, 'k-3', [{ merchant_uid: 's-3', schedule_at: at(1), amount: 500, tax_free: 900, name: 'x' }]);
    t.match(entry, { status: 400, body: { message: /^\["tax_free"\]/ } });
    t.equal(await scheduleCount(door), 0);

    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-4', amount: 1000, tax_free: 1000, ...card } });
    t.equal(paid.body.code, 0, 'a wholly tax-free amount is a part of itself');
    const impUid = paid.body.response.imp_uid;
    const partial = await door.call('POST', '/payments/cancel', { json: { imp_uid: impUid, amount: 300, tax_free: 301 } });
    t.match(partial, { status: 400, body: { code: -1, message: '["tax_free"] 파라메터의 값이 올바르지 않습니다: amount(300) 이하여야 합니다.' } });
    const full = await door.call('POST', '/payments/cancel', { json: { imp_uid: impUid, tax_free: 1001 } });
    t.match(full, { status: 400, body: { message: /amount\(1000\)/ } }, 'without amount, the parts are of the balance');
    t.match((await door.call('GET', `/payments/${impUid}`)).body.response, { status: 'paid', cancel_amount: 0 }, 'the refused cancels changed nothing');
    t.match((await door.call('POST', '/payments/cancel', { json: { imp_uid: impUid, amount: 300, tax_free: 300 } })).body, { code: 0 });
  });

  t.test('4. channel_key (or the older pg) is required on vbanks, external receipts and stand-alone billing keys', async (t) => {
    const door = await start(contracted);
    const vbank = { merchant_uid: 'v-4', amount: 5000, vbank_code: '004', vbank_due: at(48), vbank_holder: '홍길동' };
    const missing = '["channel_key"] 파라메터는 필수입니다.';
    t.same((await door.call('POST', '/vbanks', { json: vbank })).body, { code: -1, message: missing, response: null });
    t.equal((await door.call('GET', '/payments/find/v-4')).status, 404, 'no account was issued');
    t.match((await door.call('POST', '/vbanks', { json: { ...vbank, channel_key: 'channel-key-1' } })).body, { code: 0, response: { merchant_uid: 'v-4' } });
    t.match((await door.call('POST', '/vbanks', { form: { ...vbank, vbank_due: String(at(48)), amount: '5000', merchant_uid: 'v-5', pg: 'settle' } })).body, { code: 0 });

    const receipt = { name: '현금판매', amount: 1000, identifier: '01012345678', identifier_type: 'phone' };
    t.match(await door.call('POST', '/receipts/external/r-4', { json: receipt }), { status: 400, body: { message: missing } });
    t.equal((await door.call('GET', '/receipts/external/r-4')).status, 404);
    t.match((await door.call('POST', '/receipts/external/r-4', { json: { ...receipt, pg: 'settle' } })).body, { code: 0, response: { merchant_uid: 'r-4' } });

    const key = { card_number: card.card_number, expiry: card.expiry, birth: card.birth };
    t.match(await door.call('POST', '/subscribe/customers/c-4', { json: key }), { status: 400, body: { message: missing } });
    t.equal((await door.call('GET', '/subscribe/customers/c-4')).status, 404);
    t.match((await door.call('POST', '/subscribe/customers/c-4', { json: { ...key, channel_key: 'channel-key-1' } })).body, { code: 0, response: { customer_uid: 'c-4' } });
  });

  t.test("5. a deleted billing key's payments answer 404", async (t) => {
    const door = await start();
    await issueKey(door, 'k-5');
    t.equal((await door.call('GET', '/subscribe/customers/k-5/payments')).body.response.total, 1);
    await door.call('DELETE', '/subscribe/customers/k-5');
    const gone = await door.call('GET', '/subscribe/customers/k-5/payments');
    t.same(gone, { ...gone, status: 404, body: { code: 1, message: '요청하신 customer_uid(k-5)로 등록된 정보를 찾을 수 없습니다.', response: null } });
    t.equal((await door.call('GET', '/payments/find/issue-k-5')).body.response.customer_uid, 'k-5', 'the payment itself stays');
  });

  t.test('6. a schedule for now or the past is refused as update refuses it, and nothing is charged', async (t) => {
    const door = await start();
    await issueKey(door, 'k-6');
    const past = await schedule(door, 'k-6', [
      { merchant_uid: 's-6a', schedule_at: at(1), amount: 1000, name: 'x' },
      { merchant_uid: 's-6b', schedule_at: at(-1), amount: 1000, name: 'x' },
    ]);
    t.same(past, { ...past, status: 400, body: { code: 1, message: '예약시각이 현재 시각보다 과거입니다.', response: null } });
    t.match((await schedule(door, 'k-6', [{ merchant_uid: 's-6c', schedule_at: at(0), amount: 1000, name: 'x' }])).body, { code: 1 }, 'now is not the future');
    await door.sandbox.advance(2 * HOUR * 1000);
    t.equal(await scheduleCount(door), 0, 'the whole request was refused');
    t.equal((await door.call('GET', '/payments/find/s-6b')).status, 404, 'nothing ran');
  });

  t.test('7. findAll without a status answers every attempt, in any status', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'f-7', amount: 1000, ...card, card_number: '4000-0000-0000-0051' } });
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'f-7', amount: 1000, ...card } });
    const all = await door.call('GET', '/payments/findAll/f-7');
    t.equal(all.status, 200);
    t.match(all.body.response, { total: 2, previous: 0, next: 0 });
    t.same(all.body.response.list.map((p: { status: string }) => p.status), ['paid', 'failed'], '-started: newest first');
    t.equal((await door.call('GET', '/payments/findAll/f-7/paid')).body.response.total, 1);
    t.equal((await door.call('GET', '/payments/findAll/f-7?sorting=started')).body.response.list[0].status, 'failed', 'sorting applies');
    t.equal((await door.call('GET', '/payments/findAll/none')).status, 404);
  });

  t.test("8. a customer's schedules come newest first, at both paths", async (t) => {
    const door = await start();
    await issueKey(door, 'k-8');
    await schedule(door, 'k-8', [
      { merchant_uid: 's-8a', schedule_at: at(3), amount: 1000, name: 'x' },
      { merchant_uid: 's-8b', schedule_at: at(1), amount: 1000, name: 'x' },
      { merchant_uid: 's-8c', schedule_at: at(2), amount: 1000, name: 'x' },
    ]);
    for (const path of ['/subscribe/payments/schedule/customers/k-8', '/subscribe/customers/k-8/schedules']) {
      const res = await door.call('GET', `${path}?from=${at(0)}&to=${at(24)}`);
      t.same(res.body.response.list.map((s: { merchant_uid: string }) => s.merchant_uid), ['s-8a', 's-8c', 's-8b'], path);
    }
  });

  t.test('10. the schedule listings are paged {total, previous, next, list}, as both official clients read them', async (t) => {
    const door = await start();
    await issueKey(door, 'k-10');
    await schedule(door, 'k-10', [{ merchant_uid: 's-10', schedule_at: at(1), amount: 1000, name: 'x' }]);
    const byRange = await door.call('GET', `/subscribe/payments/schedule?schedule_from=${at(0)}&schedule_to=${at(24)}`);
    const byCustomer = await door.call('GET', `/subscribe/customers/k-10/schedules?from=${at(0)}&to=${at(24)}`);
    for (const res of [byRange, byCustomer]) {
      t.same(Object.keys(res.body.response).sort(), ['list', 'next', 'previous', 'total']);
      t.match(res.body.response, { total: 1, previous: 0, next: 0, list: [{ merchant_uid: 's-10' }] });
    }
  });

  t.test('11. vendor parameters the sandbox ignores are still typed: a wrong type is refused', async (t) => {
    const door = await start(contracted);
    await issueKey(door, 'k-11');
    const refusals: [string, string, object, string][] = [
      ['POST', '/subscribe/payments/onetime', { merchant_uid: 'o-11', amount: 1000, ...card, use_card_point: 'yes' }, 'use_card_point'],
      ['POST', '/subscribe/payments/onetime', { merchant_uid: 'o-11', amount: 1000, ...card, product_type: 'service' }, 'product_type'],
      ['POST', '/subscribe/payments/onetime', { merchant_uid: 'o-11', amount: 1000, ...card, bypass: { settle: {} } }, 'bypass'],
      ['POST', '/subscribe/payments/onetime', { merchant_uid: 'o-11', amount: 1000, ...card, secure_3d_token: 7 }, 'secure_3d_token'],
      ['POST', '/subscribe/payments/again', { customer_uid: 'k-11', merchant_uid: 'a-11', amount: 1000, product_count: 1.5 }, 'product_count'],
      ['POST', '/subscribe/payments/again', { customer_uid: 'k-11', merchant_uid: 'a-11', amount: 1000, cash_receipt_type: 'me' }, 'cash_receipt_type'],
      ['POST', '/subscribe/payments/again', { customer_uid: 'k-11', merchant_uid: 'a-11', amount: 1000, extra: 'x' }, 'extra'],
      ['POST', '/subscribe/payments/again', { customer_uid: 'k-11', merchant_uid: 'a-11', amount: 1000, interest_free_by_merchant: 1 }, 'interest_free_by_merchant'],
      ['POST', '/subscribe/payments/schedule', { customer_uid: 'k-11', cvc: 123, schedules: [{ merchant_uid: 's-11', schedule_at: at(1), amount: 1, name: 'x' }] }, 'cvc'],
      ['POST', '/subscribe/payments/schedule', { customer_uid: 'k-11', schedules: [{ merchant_uid: 's-11', schedule_at: at(1), amount: 1, name: 'x', product_count: 'two' }] }, 'schedules'],
      ['POST', '/payments/cancel', { merchant_uid: 'issue-k-11', retain_promotion: 'no' }, 'retain_promotion'],
      ['POST', '/payments/cancel', { merchant_uid: 'issue-k-11', extra: { requester: 'robot' } }, 'extra'],
      ['POST', '/receipts/external/r-11', { pg: 'settle', name: 'x', amount: 1000, identifier: '0101', identifier_type: 'phone', pay_method: 'card' }, 'pay_method'],
      ['POST', '/vbanks', { pg: 'settle', merchant_uid: 'v-11', amount: 1, vbank_code: '004', vbank_due: at(9), vbank_holder: 'x', fixed_unlimited_vbank: 'y' }, 'fixed_unlimited_vbank'],
    ];
    for (const [method, url, json, name] of refusals) {
      const res = await door.call(method, url, { json });
      t.match(res, { status: 400, body: { code: -1, message: `["${name}"] 파라메터의 값이 올바르지 않습니다: `, response: null } }, `${url} ${name}`);
    }
    t.match((await door.call('GET', '/payments/find/issue-k-11')).body.response, { status: 'paid' }, 'the refused cancels changed nothing');
    t.equal(await scheduleCount(door), 0);

    const typed = await door.call('POST', '/subscribe/payments/again', {
      form: { customer_uid: 'k-11', merchant_uid: 'a-11', amount: '1000', use_card_point: 'true', product_count: '2', product_type: 'digital', 'extra[naverUseCfm]': '20260331', bypass: '{}' },
    });
    t.match(typed.body, { code: 0, response: { status: 'paid', amount: 1000 } }, 'well-typed ones are accepted (and change nothing for Settle)');
  });

  t.test('12. prepare takes KRW only; a retried schedule that fails sends no webhook', async (t) => {
    const receiver = await webhookReceiver(t);
    const door = await start({ merchants: [{ ...merchantA, webhook: { url: receiver.url, content_type: 'json', retry: false } }, merchantB] });
    const usd = await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'p-12', amount: 1000, currency: 'USD' } });
    t.match(usd, { status: 400, body: { code: -1, message: /^\["currency"\]/ } });
    t.equal((await door.call('GET', '/payments/prepare/p-12')).status, 404);
    t.match((await door.call('POST', '/payments/prepare', { json: { merchant_uid: 'p-12', amount: 1000, currency: 'KRW' } })).body, { code: 0 });

    await issueKey(door, 'k-12');
    await schedule(door, 'k-12', [{ merchant_uid: 's-12', schedule_at: at(1), amount: 1000, name: 'x' }]);
    door.sandbox.outcomes.add({ customer_uid: 'k-12', result: 'decline', reason: 'insufficient_balance', times: 2 });
    await door.sandbox.advance(HOUR * 1000);
    const retried = await door.call('POST', '/subscribe/payments/schedule/s-12/retry');
    t.match(retried.body, { code: 0, response: { status: 'failed' } });
    const paid = await door.call('POST', '/subscribe/payments/schedule/s-12/retry');
    t.match(paid.body, { code: 0, response: { status: 'paid' } });
    await door.sandbox.webhooks.settle();
    t.same(
      receiver.received.map((r) => String(r.fields['status'])).sort(),
      ['failed', 'paid', 'paid'],
      'the key issue, the scheduled run that failed, the retry that paid: not the retry that failed',
    );
  });
});
