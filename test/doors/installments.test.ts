import t from 'tap';
import { forEachDoor, merchantA } from '../helpers/doors.js';

// card_quota: "2 이상의 integer 할부개월수 적용 (결제금액 50,000원 이상 한정, default = 0(일시불))" (OpenAPI onetime, again).

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

forEachDoor(t, async (t, start) => {
  const door = await start();
  const cases: [number, number | undefined, number][] = [
    [50_000, 3, 3],
    [120_000, 12, 12],
    [49_999, 3, 0],
    [1_000, 6, 0],
    [50_000, 1, 0],
    [50_000, undefined, 0],
  ];
  for (const [i, [amount, quota, applied]] of cases.entries()) {
    const res = await door.call('POST', '/subscribe/payments/onetime', {
      json: { ...card, merchant_uid: `q-${i}`, customer_uid: 'cu-q', amount, ...(quota === undefined ? {} : { card_quota: quota }) },
    });
    t.match(res.body, { code: 0, response: { status: 'paid', amount, card_quota: applied } }, `onetime ${amount} KRW, card_quota ${quota} → ${applied}`);
  }
  const again = await door.call('POST', '/subscribe/payments/again', { json: { customer_uid: 'cu-q', merchant_uid: 'q-again', amount: 30_000, card_quota: 3 } });
  t.match(again.body.response, { status: 'paid', card_quota: 0 }, 'again below 50,000 KRW is 일시불');

  const opened = await door.send('POST', '/sandbox/window/requests', {
    json: { merchant_code: merchantA.code, params: { pg: 'settle', pay_method: 'card', merchant_uid: 'q-window', amount: 60_000, buyer_tel: '010-1234-5678' } },
  });
  const approved = await door.send('POST', `/sandbox/window/requests/${opened.body.response.imp_uid}/approve`, { json: { card_quota: 6 } });
  t.match(approved.body.response.rsp, { status: 'paid', card_quota: 6 }, 'the window from 50,000 KRW too');
});
