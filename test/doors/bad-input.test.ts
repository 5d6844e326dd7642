import t from 'tap';
import { forEachDoor } from '../helpers/doors.js';

const isEnvelope = (body: any) =>
  typeof body === 'object' && body !== null && Object.keys(body).join() === 'code,message,response' && typeof body.code === 'number';

forEachDoor(t, async (t, start) => {
  t.test('transport-level refusals are envelopes with the right status', async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const auth = { authorization: token };
    const before = door.sandbox.export();

    const cases: [string, Promise<any>, number, RegExp][] = [
      ['unknown route', door.send('GET', '/no/such/route', { headers: auth }), 404, /GET \/no\/such\/route/],
      ['unknown method', door.send('PATCH', '/users/getToken'), 404, /PATCH/],
      [
        'malformed JSON',
        door.send('POST', '/subscribe/payments/onetime', { headers: { ...auth, 'content-type': 'application/json' }, payload: '{"merchant_uid":' }),
        400,
        /JSON/,
      ],
      [
        'unsupported content type',
        door.send('POST', '/subscribe/payments/onetime', { headers: { ...auth, 'content-type': 'text/xml' }, payload: '<a/>' }),
        415,
        /text\/xml/,
      ],
      [
        'oversized body',
        door.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { merchant_uid: 'x', name: 'a'.repeat(1024 * 1024) } }),
        413,
        /너무 큽니다/,
      ],
      [
        'wrong type',
        door.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { merchant_uid: 1, card_number: '1234123412341234', expiry: '2030-01', amount: 1 } }),
        400,
        /\["merchant_uid"\].*string/,
      ],
      ['a JSON array body', door.send('POST', '/subscribe/payments/again', { headers: auth, json: [1, 2] }), 400, /\["body"\]/],
      ['a JSON null body', door.send('POST', '/payments/cancel', { headers: { ...auth, 'content-type': 'application/json' }, payload: 'null' }), 200, /지정해주셔야합니다/],
      ['unknown enum value', door.send('GET', '/payments/find/x/lost', { headers: auth }), 400, /\["payment_status"\]/],
      ['too long', door.send('GET', `/payments/${'9'.repeat(40)}`, { headers: auth }), 400, /\["imp_uid"\]/],
    ];
    for (const [name, pending, status, message] of cases) {
      const res = await pending;
      t.equal(res.status, status, `${name}: status`);
      t.ok(isEnvelope(res.body), `${name}: envelope`);
      t.match(res.body.message, message, `${name}: message names the problem`);
      t.equal(res.body.response, null);
      t.match(res.headers['content-type'], /^application\/json/);
    }
    t.same(door.sandbox.export(), before, 'no refused request changed state');
  });

  t.test('extra fields are ignored and custom_data objects are stored as JSON text', async (t) => {
    const door = await start();
    const res = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'extra', card_number: '1234123412341234', expiry: '2030-01', amount: 10, surprise: true, custom_data: { plan: 'pro' } },
    });
    t.equal(res.body.code, 0);
    t.equal(res.body.response.custom_data, '{"plan":"pro"}');
    t.notOk('surprise' in res.body.response);
  });

  t.test('a prototype-polluting body changes nothing global', async (t) => {
    const door = await start();
    const res = await door.send('POST', '/users/getToken', {
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__":{"polluted":true},"imp_key":"a"}',
    });
    t.ok(isEnvelope(res.body));
    t.equal(({} as any).polluted, undefined);
  });
});
