import t from 'tap';
import { START, forEachDoor, merchantA, merchantB } from '../helpers/doors.js';

// Cash receipts: of a paid virtual account (shown as cash_receipt_issued), refused for a card payment, and
// external ones by merchant_uid (vendor V1 OpenAPI, receipts).

const now = START / 1000;
const person = { identifier: '01012345678', identifier_type: 'phone' };

// A second revoke, of either kind of receipt (issue #23, point 12a; README, choices).
const revokedAlready = { code: 1, message: '이미 발행취소된 현금영수증입니다.', response: null };

forEachDoor(t, async (t, start) => {
  t.test('a receipt of a paid virtual account, revoked and issued again', async (t) => {
    const door = await start();
    const account = { channel_key: 'channel-key-1', merchant_uid: 'r-1', amount: 11000, vbank_code: '088', vbank_due: now + 86400, vbank_holder: '상점' };
    const impUid = (await door.call('POST', '/vbanks', { json: account }, merchantB)).body.response.imp_uid;
    t.match(await door.call('POST', `/receipts/${impUid}`, { json: person }, merchantB), { status: 400, body: { code: 1 } }, 'not paid yet');
    await door.send('POST', `/sandbox/vbanks/${impUid}/deposit`);
    t.same((await door.call('POST', `/receipts/${impUid}`, { json: { identifier: '01012345678' } }, merchantB)).body, {
      code: -1,
      message: '["identifier_type"] 파라메터는 필수입니다.',
      response: null,
    });
    const issued = await door.call('POST', `/receipts/${impUid}`, { form: { ...person, tax_free: '0' } }, merchantB);
    t.match(issued.body.response, { imp_uid: impUid, type: 'person', amount: 11000, vat: 1000, applied_at: now, cancelled_at: 0 });
    t.equal((await door.call('GET', `/payments/${impUid}`, {}, merchantB)).body.response.cash_receipt_issued, true);
    t.match(await door.call('POST', `/receipts/${impUid}`, { json: person }, merchantB), { status: 400 }, 'issued once');
    t.equal((await door.call('DELETE', `/receipts/${impUid}`, {}, merchantA)).status, 400, "another merchant's payment has no receipt of theirs");

    t.match((await door.call('DELETE', `/receipts/${impUid}`, {}, merchantB)).body.response, { imp_uid: impUid, cancelled_at: now });
    t.equal((await door.call('GET', `/payments/${impUid}`, {}, merchantB)).body.response.cash_receipt_issued, false);
    t.same((await door.call('DELETE', `/receipts/${impUid}`, {}, merchantB)).body, revokedAlready, 'nothing left to revoke');
    t.equal((await door.call('POST', `/receipts/${impUid}`, { json: { ...person, type: 'company' } }, merchantB)).body.response.type, 'company');
  });

  t.test('card payments get none; external receipts by merchant_uid', async (t) => {
    const door = await start();
    const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, merchant_uid: 'c-1', amount: 1000 } });
    t.equal((await door.call('POST', `/receipts/${paid.body.response.imp_uid}`, { json: person })).status, 400);
    t.equal((await door.call('POST', '/receipts/imps_000000000000', { json: person })).status, 404);

    const external = { ...person, pg: 'settle', name: '현장 현금결제', amount: 22000, tax_free: 2000 };
    const issued = await door.call('POST', '/receipts/external/cash-1', { json: external });
    t.match(issued.body.response, { merchant_uid: 'cash-1', amount: 22000, vat: 1818, cancelled_at: 0 });
    t.same((await door.call('GET', '/receipts/external/cash-1')).body.response, issued.body.response);
    t.equal((await door.call('GET', '/receipts/external/cash-1', {}, merchantB)).status, 404, "another merchant's receipt is unknown");
    t.equal((await door.call('POST', '/receipts/external/cash-1', { json: external })).status, 400);
    t.match((await door.call('DELETE', '/receipts/external/cash-1')).body.response, { cancelled_at: now });
    const again = await door.call('DELETE', '/receipts/external/cash-1');
    t.same({ status: again.status, body: again.body }, { status: 400, body: revokedAlready }, 'revoked once: not "never issued" (#23, 12a)');
    t.equal((await door.call('DELETE', '/receipts/external/nothing')).status, 404, 'never issued');
    t.equal((await door.call('DELETE', '/receipts/external/cash-1', {}, merchantB)).status, 404, "another merchant's is never issued for them");
    t.equal((await door.call('POST', '/receipts/external/cash-1', { json: external })).body.code, 0, 'issued again after the revoke');
    t.match((await door.call('DELETE', '/receipts/external/cash-1')).body, { code: 0 });
  });
});
