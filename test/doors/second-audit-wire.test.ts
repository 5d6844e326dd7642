import t from 'tap';
import { START, forEachDoor, merchantA, merchantC } from '../helpers/doors.js';

// Issue #23, the second fidelity audit: how the vendor's (PHP) server reads the wire. A trailing slash (point 15),
// booleans written 1/0 (point 9) and form and query names read by PHP's rules (point 16). Through both doors.

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

forEachDoor(t, async (t, start) => {
  t.test('15. every operation answers with a trailing slash, as the official PHP and Go clients call them', async (t) => {
    const door = await start();
    const token = await door.send('POST', '/users/getToken/', { json: { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret } });
    t.equal(token.body.code, 0, 'POST /users/getToken/');
    const onetime = await door.call('POST', '/subscribe/payments/onetime/', { json: { merchant_uid: 'o-15', customer_uid: 'k-15', amount: 1000, ...card } });
    t.match(onetime.body, { code: 0, response: { status: 'paid' } }, 'POST /subscribe/payments/onetime/');
    const again = await door.call('POST', '/subscribe/payments/again/', { form: { customer_uid: 'k-15', merchant_uid: 'a-15', amount: '500' } });
    t.match(again.body, { code: 0, response: { status: 'paid', amount: 500 } }, 'POST /subscribe/payments/again/');
    const found = await door.call('GET', '/payments/find/a-15/');
    t.match(found, { status: 200, body: { code: 0, response: { merchant_uid: 'a-15' } } }, 'no empty payment_status');
    t.match((await door.call('GET', '/payments/find/a-15/paid/')).body, { code: 0, response: { merchant_uid: 'a-15' } });
    t.match((await door.call('GET', `/payments/${onetime.body.response.imp_uid}/`)).body, { code: 0 });
    const cancel = await door.call('POST', '/payments/cancel/', { json: { merchant_uid: 'a-15' } });
    t.match(cancel.body, { code: 0, response: { status: 'cancelled', cancel_amount: 500 } }, 'POST /payments/cancel/');
    t.equal((await door.call('DELETE', '/subscribe/customers/k-15/')).body.code, 0, 'DELETE with a slash');
    t.equal((await door.send('GET', '/sandbox/health/')).status, 200, "the sandbox's own operations too");
    const twice = await door.call('GET', '/payments/find/a-15//');
    t.match(twice, { status: 400, body: { code: -1, message: /payment_status/ } }, 'only one slash is dropped: an empty status is refused');
  });

  t.test('9. a boolean in a query or a form is 1/0 as well as true/false; other text is refused', async (t) => {
    const door = await start();
    const onetime = { merchant_uid: 'tc-9', amount: 1000, ...card, customer_uid: 'tc-cu-9', pg: 'settle.nxca_ks_gu', birth: '880101', pwd_2digit: '12' };
    const paid = (await door.call('POST', '/subscribe/payments/onetime', { json: onetime }, merchantC)).body.response;
    t.equal(paid.sandbox, true, 'a test-channel payment');
    const lookup = (query: string) => door.call('GET', `/payments/${paid.imp_uid}?${query}`, {}, merchantC);
    for (const query of ['include_sandbox=1', 'include_sandbox=true']) t.match(await lookup(query), { status: 200, body: { code: 0 } }, query);
    for (const query of ['include_sandbox=0', 'include_sandbox=false']) t.equal((await lookup(query)).status, 404, query);
    for (const query of ['include_sandbox=yes', 'include_sandbox=2', 'include_sandbox=01', 'include_sandbox=TRUE', 'include_sandbox=']) {
      t.match(await lookup(query), { status: 400, body: { code: -1, message: /^\["include_sandbox"\]/ } }, `${query} is refused`);
    }
    const cancel = await door.call('POST', '/payments/cancel', { form: { imp_uid: paid.imp_uid, amount: '100', retain_promotion: '1', enable_webhook: '0' } }, merchantC);
    t.match(cancel.body, { code: 0, response: { cancel_amount: 100 } }, 'form booleans read 1/0 too');
    const wrong = await door.call('POST', '/payments/cancel', { form: { imp_uid: paid.imp_uid, amount: '100', retain_promotion: 'on' } }, merchantC);
    t.match(wrong, { status: 400, body: { message: /^\["retain_promotion"\]/ } });
  });

  t.test('16. form names are read as PHP reads them: a leading space is dropped (the published client)', async (t) => {
    const door = await start();
    const payload = `imp_key=${merchantA.imp_key}& imp_secret=${merchantA.imp_secret}`;
    const token = await door.send('POST', '/users/getToken', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
    t.match(token, { status: 200, body: { code: 0, response: { access_token: /./ } } });
    const spaced = `%20%20imp_key=${merchantA.imp_key}&+imp_secret=${merchantA.imp_secret}`;
    t.equal((await door.send('POST', '/users/getToken', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: spaced })).body.code, 0, 'encoded spaces too');
    const query = await door.send('GET', `/payments/imps_000000000000?%20_token=${token.body.response.access_token}`);
    t.equal(query.status, 404, 'a query name alike: the token is read, the payment is unknown');
  });

  t.test('16. spaces and dots inside a name become _', async (t) => {
    const door = await start();
    const form = { 'imp.key': merchantA.imp_key, 'imp secret': merchantA.imp_secret };
    t.equal((await door.send('POST', '/users/getToken', { form })).body.code, 0, 'imp.key and "imp secret"');
    const paid = await door.call('POST', '/subscribe/payments/onetime', { form: { 'merchant.uid': 'o-16', amount: '1000', 'card number': card.card_number, expiry: card.expiry, birth: card.birth } });
    t.match(paid.body, { code: 0, response: { merchant_uid: 'o-16' } });
    const unclosed = await door.call('POST', '/payments/cancel', { form: { 'merchant[uid': 'o-16' } });
    t.match(unclosed.body, { code: 0, response: { status: 'cancelled' } }, 'a [ never closed is _ too (merchant_uid)');
  });

  t.test('16. a[]=x&a[]=y is a list, in a form and in a query', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-a', customer_uid: 'k-a', amount: 1000, ...card } });
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-b', customer_uid: 'k-b', amount: 1000, ...card } });
    const both = await door.call('GET', '/subscribe/customers?customer_uid[]=k-a&customer_uid[]=k-b');
    t.same(both.body.response.map((key: { customer_uid: string }) => key.customer_uid), ['k-a', 'k-b']);
    const indexed = await door.call('GET', '/payments?merchant_uid[1]=o-b&merchant_uid[0]=o-a');
    t.same(indexed.body.response.map((p: { merchant_uid: string }) => p.merchant_uid), ['o-a', 'o-b'], 'indices order the list');
    const schedules = ['s-1', 's-2', 's-3'].map((merchant_uid) => ({ merchant_uid, schedule_at: START / 1000 + 3600, amount: 1000, name: 'x' }));
    t.equal((await door.call('POST', '/subscribe/payments/schedule', { json: { customer_uid: 'k-a', schedules } })).body.code, 0);
    const unschedule = await door.call('POST', '/subscribe/payments/unschedule', { form: { customer_uid: 'k-a', 'merchant_uid[]': ['s-1', 's-3'] } });
    t.same(unschedule.body.response.map((s: { merchant_uid: string }) => s.merchant_uid), ['s-1', 's-3'], 'a form list');
    const plain = await door.call('GET', '/subscribe/customers?customer_uid=k-a&customer_uid=k-b');
    t.same(plain.body.response.map((key: { customer_uid: string }) => key.customer_uid), ['k-b'], 'without [], the last value wins');
  });

  t.test('16. a[k]=v is a map, in a form and in a query', async (t) => {
    const door = await start();
    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-m', customer_uid: 'k-m', amount: 1000, ...card } });
    const refused = await door.call('POST', '/payments/cancel', { form: { imp_uid: paid.body.response.imp_uid, 'extra[requester]': 'robot' } });
    t.match(refused, { status: 400, body: { code: -1, message: /^\["extra"\]/ } }, 'extra[requester] is read as extra.requester, and checked');
    const cancelled = await door.call('POST', '/payments/cancel', { form: { imp_uid: paid.body.response.imp_uid, 'extra[requester]': 'customer' } });
    t.equal(cancelled.body.code, 0);
    const deleted = await door.call('DELETE', `/subscribe/customers/k-m?reason=x&extra[requester]=${'r'.repeat(65)}`);
    t.match(deleted, { status: 400, body: { message: /^\["extra"\]/ } }, 'a query map, checked');
    t.equal((await door.call('DELETE', '/subscribe/customers/k-m?reason=x&extra[requester]=customer')).body.code, 0);
  });
});
