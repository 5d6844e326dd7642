import t from 'tap';
import { forEachDoor, merchantA, type Door } from '../helpers/doors.js';

// The window's JSON API takes requests from any page without a token: what one request may carry and what the
// sandbox keeps of it are bounded, and only a known merchant gets a window.

const order = (fields: Record<string, unknown> = {}) => ({
  pg: 'settle.nxca_jt_il',
  pay_method: 'card',
  merchant_uid: 'order-1',
  amount: 1004,
  buyer_tel: '010-1234-5678',
  ...fields,
});
const request = (door: Door, params: Record<string, unknown>, merchant_code: string = merchantA.code) =>
  door.send('POST', '/sandbox/window/requests', { json: { merchant_code, params } });

forEachDoor(t, async (t, start) => {
  t.test('oversized params are refused before anything is stored', async (t) => {
    const door = await start();
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`extra_${i}`, i]));
    const cases: [string, Record<string, unknown>][] = [
      ['a long text', order({ buyer_name: 'x'.repeat(2049) })],
      ['too many keys', order(many)],
      ['a long key', order({ ['k'.repeat(65)]: 1 })],
      ['a large nested object', order({ display: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])) })],
    ];
    for (const [label, params] of cases) {
      const res = await request(door, params);
      t.same([res.status, res.body.code], [400, -1], label);
    }
    t.same(door.sandbox.listPayments(), [], 'nothing stored');
  });

  t.test('a custom_data object whose JSON text is too long is refused; a short one is kept', async (t) => {
    const door = await start();
    const long = await request(door, order({ custom_data: { note: 'x'.repeat(2048) } }));
    t.match(long.body.response.rsp, { error_code: 'SANDBOX_PARAM', error_msg: /custom_data/ });
    const short = await request(door, order({ custom_data: { cart: 3 } }));
    t.match(short.body.response, { imp_uid: /^imp_/, rsp: null });
    t.equal(door.sandbox.listPayments().length, 1);
  });

  t.test('an unknown merchant gets no window', async (t) => {
    const door = await start();
    const res = await request(door, order(), 'imp99999999');
    t.match(res.body.response.rsp, { error_code: 'SANDBOX_MERCHANT' });
    t.same(door.sandbox.listPayments(), []);
  });
});
