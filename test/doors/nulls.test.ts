import t from 'tap';
import { START, forEachDoor } from '../helpers/doors.js';

// A JSON null in a field means the field was not sent, in every vendor operation (the real API accepts it).

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const unset = { pg: null, pwd_2digit: null, buyer_name: null, buyer_email: null, buyer_tel: null, custom_data: null, notice_url: null, card_quota: null };

forEachDoor(t, async (t, start) => {
  const door = await start();
  const onetime = await door.call('POST', '/subscribe/payments/onetime', {
    json: { ...card, ...unset, customer_uid: 'cu-null', merchant_uid: 'null-1', amount: 1000, name: null },
  });
  t.match(onetime.body, { code: 0, response: { status: 'paid', pg_id: 'nxca_jt_bi', buyer_name: null, custom_data: null } }, 'onetime');

  const again = await door.call('POST', '/subscribe/payments/again', {
    json: { ...unset, customer_uid: 'cu-null', merchant_uid: 'null-2', amount: 1000, name: null, tax_free: null },
  });
  t.match(again.body, { code: 0, response: { status: 'paid' } }, 'again');

  const scheduled = await door.call('POST', '/subscribe/payments/schedule', {
    json: {
      customer_uid: 'cu-null',
      checking_amount: null,
      card_number: null,
      schedules: [{ merchant_uid: 'null-3', schedule_at: START / 1000 + 3600, amount: 500, name: '정기결제', buyer_name: null, custom_data: null, tax_free: null }],
    },
  });
  t.match(scheduled.body, { code: 0, response: [{ merchant_uid: 'null-3', schedule_status: 'scheduled' }] }, 'schedule, nulls inside schedules[] too');

  const cancel = await door.call('POST', '/payments/cancel', {
    json: { imp_uid: null, merchant_uid: 'null-1', amount: null, checksum: null, reason: null, refund_holder: null },
  });
  t.match(cancel.body, { code: 0, response: { status: 'cancelled', cancel_amount: 1000 } }, 'cancel');

  const required = await door.call('POST', '/subscribe/payments/again', { json: { customer_uid: 'cu-null', merchant_uid: 'null-4', amount: null } });
  t.same([required.status, required.body], [400, { code: -1, message: '["amount"] 파라메터는 필수입니다.', response: null }], 'a required field sent as null is missing');
});
