import t from 'tap';
import { forEachDoor, merchantA, type Door } from '../helpers/doors.js';

// A merchant_uid is paid once, whichever way: the window checks again at the moment it would pay (reference §5.4).

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const order = (merchantUid: string, payMethod = 'card') => ({
  pg: 'settle.nxca_jt_il',
  pay_method: payMethod,
  merchant_uid: merchantUid,
  name: '주문',
  amount: 1004,
  buyer_tel: '010-1234-5678',
  company: '포트원',
});
const open = async (door: Door, merchantUid: string, payMethod?: string) =>
  (await door.send('POST', '/sandbox/window/requests', { json: { merchant_code: merchantA.code, params: order(merchantUid, payMethod) } })).body.response
    .imp_uid as string;
const onetime = (door: Door, merchantUid: string) =>
  door.call('POST', '/subscribe/payments/onetime', { json: { ...card, merchant_uid: merchantUid, amount: 1004 } });
const paidCount = (door: Door, merchantUid: string) =>
  door.sandbox.listPayments().filter((p) => p.merchant_uid === merchantUid && (p.status === 'paid' || p.status === 'cancelled')).length;

forEachDoor(t, async (t, start) => {
  t.test('a window opened before a REST charge paid its merchant_uid fails with F1002 on approve', async (t) => {
    const door = await start();
    const impUid = await open(door, 'order-1');
    t.equal((await onetime(door, 'order-1')).body.code, 0, 'the REST charge pays first');
    const approved = await door.send('POST', `/sandbox/window/requests/${impUid}/approve`, { json: {} });
    t.match(approved.body.response.rsp, { imp_uid: impUid, merchant_uid: 'order-1', status: 'failed', error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' });
    t.match((await door.call('GET', `/payments/${impUid}`)).body.response, { status: 'failed', paid_at: 0, fail_reason: '이미 결제가 이루어진 거래건입니다.' });
    t.equal(paidCount(door, 'order-1'), 1);
  });

  t.test('a virtual account whose merchant_uid was paid meanwhile refuses the deposit', async (t) => {
    const door = await start();
    const impUid = await open(door, 'order-2', 'vbank');
    await door.send('POST', `/sandbox/window/requests/${impUid}/approve`, { json: {} });
    t.equal((await onetime(door, 'order-2')).body.code, 0, 'an issued account is not a payment: the REST charge pays');
    const deposit = await door.send('POST', `/sandbox/vbanks/${impUid}/deposit`);
    t.same(deposit.body, { code: 1, message: '이미 결제가 이루어진 거래건입니다.', response: null });
    t.equal((await door.call('GET', `/payments/${impUid}`)).body.response.status, 'failed');
    t.equal(paidCount(door, 'order-2'), 1);
  });

  t.test('REST onetime and window approve racing on one merchant_uid: at most one is paid, every round', async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const rounds = 100;
    let doubled = 0;
    for (let i = 0; i < rounds; i++) {
      const merchantUid = `race-${i}`;
      const impUid = await open(door, merchantUid);
      const rest = door.send('POST', '/subscribe/payments/onetime', { headers: { authorization: token }, json: { ...card, merchant_uid: merchantUid, amount: 1004 } });
      const approve = door.send('POST', `/sandbox/window/requests/${impUid}/approve`, { json: {} });
      // Alternate which one starts first.
      await (i % 2 === 0 ? Promise.all([rest, approve]) : Promise.all([approve, rest]));
      if (paidCount(door, merchantUid) !== 1) doubled++;
    }
    t.equal(doubled, 0, `${rounds} rounds, exactly one paid payment each`);
  });
});
