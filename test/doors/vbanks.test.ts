import t from 'tap';
import { START, forEachDoor, merchantA, merchantB } from '../helpers/doors.js';

// Virtual accounts issued through the API (createVbank, modifyVbank, revokeVbank), deposited with the control
// API, expiring like the window's, and refunded to a named account.

const DAY = 86400;
const now = START / 1000;
const account = { channel_key: 'channel-key-1', merchant_uid: 'vb-1', amount: 50000, vbank_code: '004', vbank_due: now + 3 * DAY, vbank_holder: '샌드박스상점', name: '가상계좌 주문' };

forEachDoor(t, async (t, start) => {
  t.test('issued only under the contract; modified, deposited, refunded to an account', async (t) => {
    const door = await start();
    const refused = await door.call('POST', '/vbanks', { json: account }, merchantA);
    t.match(refused, { status: 200, body: { code: 1, response: null } }, 'merchant A has no virtual-account contract');
    const noHolder = await door.call('POST', '/vbanks', { json: { ...account, vbank_holder: undefined } }, merchantB);
    t.same(noHolder.body, { code: -1, message: '["vbank_holder"] 파라메터는 필수입니다.', response: null });
    t.equal((await door.call('POST', '/vbanks', { json: { ...account, vbank_code: '999' } }, merchantB)).status, 404, 'an unknown bank code');

    const issued = await door.call('POST', '/vbanks', { json: account }, merchantB);
    t.match(issued.body, {
      code: 0,
      response: { status: 'ready', pay_method: 'vbank', channel: 'api', vbank_code: '004', vbank_name: 'KB국민은행', vbank_holder: '샌드박스상점', vbank_date: now + 3 * DAY, vbank_issued_at: now, amount: 50000 },
    });
    t.match(issued.body.response.vbank_num, /^[0-9]{14}$/);
    const impUid = issued.body.response.imp_uid;
    t.equal((await door.call('PUT', `/vbanks/${impUid}`, { json: { amount: 1000 } }, merchantA)).status, 404, "another merchant's account is unknown");
    const modified = await door.call('PUT', `/vbanks/${impUid}`, { form: { amount: '45000', vbank_due: String(now + 5 * DAY) } }, merchantB);
    t.match(modified.body.response, { amount: 45000, vbank_date: now + 5 * DAY });

    const paid = await door.send('POST', `/sandbox/vbanks/${impUid}/deposit`);
    t.match(paid.body.response, { status: 'paid', paid_at: now });
    t.match(await door.call('PUT', `/vbanks/${impUid}`, { json: { amount: 1 } }, merchantB), { status: 400, body: { code: 1 } }, 'a deposited account cannot change');
    t.match(await door.call('DELETE', `/vbanks/${impUid}`, {}, merchantB), { status: 400, body: { code: 1 } });

    const noAccount = await door.call('POST', '/payments/cancel', { json: { imp_uid: impUid } }, merchantB);
    t.same(noAccount.body, { code: -1, message: '["refund_holder"] 파라메터는 필수입니다.', response: null });
    const refund = { imp_uid: impUid, refund_holder: '홍길동', refund_bank: '088', refund_account: '110123456789' };
    t.match((await door.call('POST', '/payments/cancel', { json: refund }, merchantB)).body.response, { status: 'cancelled', cancel_amount: 45000 });
  });

  t.test('revoked before any deposit, or expired at its deadline', async (t) => {
    const door = await start();
    const first = (await door.call('POST', '/vbanks', { json: account }, merchantB)).body.response;
    const revoked = await door.call('DELETE', `/vbanks/${first.imp_uid}`, {}, merchantB);
    t.match(revoked.body.response, { status: 'cancelled', cancelled_at: now, cancel_amount: 0 });
    t.equal((await door.send('POST', `/sandbox/vbanks/${first.imp_uid}/deposit`)).body.code, 1, 'no deposit reaches a revoked account');
    const second = await door.call('POST', '/vbanks', { json: { ...account, vbank_due: now + DAY } }, merchantB);
    t.equal(second.body.code, 0, 'a revoked account leaves its merchant_uid free');
    await door.sandbox.advance(2 * DAY * 1000);
    t.match((await door.call('GET', `/payments/${second.body.response.imp_uid}`, {}, merchantB)).body.response, { status: 'failed', failed_at: now + DAY + 1 });
    t.match(await door.call('POST', '/vbanks', { json: { ...account, merchant_uid: 'vb-2', vbank_due: now } }, merchantB), { status: 400, body: { code: 1 } }, 'a deadline in the past');
  });
});
