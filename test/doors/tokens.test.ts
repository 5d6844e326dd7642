import t from 'tap';
import { forEachDoor, merchantA, merchantB, START } from '../helpers/doors.js';

const credentials = { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret };

forEachDoor(t, async (t, start) => {
  t.test('getToken issues a 40-hex token for 30 minutes, from JSON or form bodies', async (t) => {
    const door = await start();
    const json = await door.send('POST', '/users/getToken', { json: credentials });
    t.equal(json.status, 200);
    t.match(json.headers['content-type'], /^application\/json; charset=UTF-8$/);
    t.same(Object.keys(json.body), ['code', 'message', 'response']);
    t.equal(json.body.code, 0);
    t.equal(json.body.message, null);
    const { access_token, now, expired_at } = json.body.response;
    t.match(access_token, /^[0-9a-f]{40}$/);
    t.equal(now, START / 1000);
    t.equal(expired_at - now, 1800);

    const form = await door.send('POST', '/users/getToken', { form: credentials });
    t.equal(form.status, 200);
    t.equal(form.body.response.access_token, access_token, 'a repeat call returns the same token');
    t.equal(form.body.response.expired_at, expired_at, 'with the same expiry');
  });

  t.test('a token asked for in its last minute is extended by 5 minutes; an expired one is replaced', async (t) => {
    const door = await start();
    const first = (await door.send('POST', '/users/getToken', { json: credentials })).body.response;
    await door.sandbox.advance(29 * 60 * 1000 + 30 * 1000);
    const extended = (await door.send('POST', '/users/getToken', { json: credentials })).body.response;
    t.equal(extended.access_token, first.access_token);
    t.equal(extended.expired_at, first.expired_at + 300);

    await door.sandbox.advance(6 * 60 * 1000);
    const expired = await door.send('GET', '/payments/imps_000000000000', { headers: { authorization: first.access_token } });
    t.equal(expired.status, 401);
    const renewed = (await door.send('POST', '/users/getToken', { json: credentials })).body.response;
    t.not(renewed.access_token, first.access_token);
    t.equal(renewed.expired_at - renewed.now, 1800);
  });

  t.test('wrong credentials are a 401, missing ones the vendor message', async (t) => {
    const door = await start();
    const wrong = await door.send('POST', '/users/getToken', { json: { imp_key: merchantA.imp_key, imp_secret: 'nope' } });
    t.equal(wrong.status, 401);
    t.same(wrong.body, { code: -1, message: 'Unauthorized', response: null });
    const unknown = await door.send('POST', '/users/getToken', { form: { imp_key: 'x', imp_secret: merchantA.imp_secret } });
    t.equal(unknown.status, 401);
    for (const body of [{}, { imp_key: merchantA.imp_key }, { imp_secret: merchantA.imp_secret }]) {
      const missing = await door.send('POST', '/users/getToken', { json: body });
      t.equal(missing.status, 400);
      t.same(missing.body, { code: -1, message: 'imp_key, imp_secret 파라메터가 누락되었습니다.', response: null });
    }
    const empty = await door.send('POST', '/users/getToken');
    t.equal(empty.status, 400);
    t.equal(empty.body.message, 'imp_key, imp_secret 파라메터가 누락되었습니다.');
  });

  t.test('every token carrier works; missing, unknown and expired tokens are the vendor 401', async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const carriers: [string, { headers?: Record<string, string>; query?: string }][] = [
      ['raw Authorization', { headers: { authorization: token } }],
      ['Authorization: Bearer', { headers: { authorization: `Bearer ${token}` } }],
      ['lower-case bearer', { headers: { authorization: `bearer ${token}` } }],
      ['X-ImpTokenHeader', { headers: { 'x-imptokenheader': token } }],
      ['?_token=', { query: `?_token=${token}` }],
    ];
    for (const [name, carrier] of carriers) {
      const res = await door.send('GET', `/payments/imps_000000000000${carrier.query ?? ''}`, { headers: carrier.headers ?? {} });
      t.equal(res.status, 404, `${name} is accepted (the payment simply does not exist)`);
    }
    const unauthorized = { code: -1, message: 'Unauthorized', response: null };
    const carriersOfNothing: Record<string, string>[] = [{}, { authorization: 'f'.repeat(40) }, { authorization: 'Bearer ' }, { 'x-imptokenheader': 'nope' }];
    for (const headers of carriersOfNothing) {
      const res = await door.send('GET', '/payments/imps_000000000000', { headers });
      t.equal(res.status, 401);
      t.same(res.body, unauthorized);
    }
    const wrongWins = await door.send('GET', `/payments/imps_000000000000?_token=${token}`, { headers: { authorization: 'nope' } });
    t.equal(wrongWins.status, 401, 'Authorization takes precedence over the other carriers');
    const bodyless = await door.send('POST', '/subscribe/payments/onetime', { json: {} });
    t.equal(bodyless.status, 401, 'the token is checked before the body');
  });

  t.test('each merchant gets its own token', async (t) => {
    const door = await start();
    t.not(await door.tokenOf(merchantA), await door.tokenOf(merchantB));
  });
});
