import t from 'tap';
import { forEachDoor, merchantB } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

forEachDoor(t, async (t, start) => {
  t.test('POST /subscribe/customers/{uid} is refused for Settle without the separate contract, and stores nothing', async (t) => {
    const door = await start();
    const res = await door.call('POST', '/subscribe/customers/solo', { json: { ...card, channel_key: 'channel-key-1' } });
    t.equal(res.status, 200);
    t.equal(res.body.code, 1);
    t.equal(res.body.response, null);
    t.match(res.body.message, /\/subscribe\/payments\/onetime/);
    t.match(res.body.message, /customer_uid/);
    t.equal((await door.call('GET', '/subscribe/customers/solo')).status, 404);
  });

  t.test('with the contract flag on, it issues the key', async (t) => {
    const door = await start();
    const res = await door.call(
      'POST',
      '/subscribe/customers/contracted',
      { json: { ...card, pg: 'settle.nxca_ks_gu', birth: '900101', pwd_2digit: '00', customer_name: '김철수', customer_id: 'u-1' } },
      merchantB,
    );
    t.equal(res.status, 200);
    t.match(res.body, {
      code: 0,
      message: null,
      response: { customer_uid: 'contracted', pg_id: 'nxca_ks_gu', card_number: '123412******1234', customer_name: '김철수', customer_id: 'u-1' },
    });
    const again = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'b-1', customer_uid: 'contracted', amount: 990 } }, merchantB);
    t.match(again.body.response, { status: 'paid', customer_uid_usage: 'payment', buyer_name: '김철수' });
    const missing = await door.call('POST', '/subscribe/customers/x', { json: { channel_key: 'channel-key-1', expiry: '2030-01' } }, merchantB);
    t.same(missing.body, { code: -1, message: '["card_number"] 파라메터는 필수입니다.', response: null });
  });

  t.test('GET, DELETE and the multi lookup (200 / 207 / 404)', async (t) => {
    const door = await start();
    for (const uid of ['c-1', 'c-2']) {
      await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: `m-${uid}`, customer_uid: uid, ...card, amount: 100 } });
    }
    const all = await door.call('GET', '/subscribe/customers?customer_uid[]=c-1&customer_uid[]=c-2');
    t.equal(all.status, 200);
    t.same(all.body.response.map((c: any) => c.customer_uid), ['c-1', 'c-2']);
    const some = await door.call('GET', '/subscribe/customers?customer_uid[]=c-1&customer_uid[]=nope');
    t.equal(some.status, 207);
    t.equal(some.body.code, 0);
    t.same(some.body.response.map((c: any) => c.customer_uid), ['c-1']);
    const one = await door.call('GET', '/subscribe/customers?customer_uid[]=c-2');
    t.equal(one.status, 200, 'a single value is a list of one');
    const none = await door.call('GET', '/subscribe/customers?customer_uid[]=nope');
    t.equal(none.status, 404);
    t.equal(none.body.code, 1);
    const noParam = await door.call('GET', '/subscribe/customers');
    t.same(noParam.body, { code: -1, message: '["customer_uid"] 파라메터는 필수입니다.', response: null });

    const notFound = await door.call('GET', '/subscribe/customers/ghost');
    t.equal(notFound.status, 404);
    t.same(notFound.body, { code: 1, message: '요청하신 customer_uid(ghost)로 등록된 정보를 찾을 수 없습니다.', response: null });

    const deleted = await door.call('DELETE', '/subscribe/customers/c-1?reason=bye');
    t.equal(deleted.status, 200);
    t.equal(deleted.body.response.customer_uid, 'c-1');
    t.equal((await door.call('GET', '/subscribe/customers/c-1')).status, 404);
    t.equal((await door.call('DELETE', '/subscribe/customers/c-1')).status, 404);
    const afterDelete = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'gone', customer_uid: 'c-1', amount: 100 } });
    t.equal(afterDelete.body.message, '등록되지 않은 구매자입니다.');
    const history = await door.call('GET', '/subscribe/customers/c-1/payments');
    t.match(history, { status: 404, body: { code: 1, message: '요청하신 customer_uid(c-1)로 등록된 정보를 찾을 수 없습니다.' } }, "a deleted key's payments are not listed (vendor: 404)");
  });

  t.test('GET /subscribe/customers/{uid}/payments pages newest first, 20 at a time', async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const auth = { authorization: token };
    await door.send('POST', '/subscribe/payments/onetime', {
      headers: auth,
      json: { merchant_uid: 'p-0', customer_uid: 'pager', ...card, amount: 100 },
    });
    for (let i = 1; i <= 24; i++) {
      await door.sandbox.advance(1000);
      await door.send('POST', '/subscribe/payments/again', { headers: auth, json: { merchant_uid: `p-${i}`, customer_uid: 'pager', amount: 100 + i } });
    }
    const first = await door.send('GET', '/subscribe/customers/pager/payments', { headers: auth });
    t.equal(first.status, 200);
    t.match(first.body.response, { total: 25, previous: 0, next: 2 });
    t.equal(first.body.response.list.length, 20);
    t.equal(first.body.response.list[0].merchant_uid, 'p-24');
    const second = await door.send('GET', '/subscribe/customers/pager/payments?page=2', { headers: auth });
    t.match(second.body.response, { total: 25, previous: 1, next: 0 });
    t.same(second.body.response.list.map((p: any) => p.merchant_uid), ['p-4', 'p-3', 'p-2', 'p-1', 'p-0']);
    const beyond = await door.send('GET', '/subscribe/customers/pager/payments?page=9', { headers: auth });
    t.same(beyond.body.response.list, []);
    const bad = await door.send('GET', '/subscribe/customers/pager/payments?page=0', { headers: auth });
    t.equal(bad.status, 400);
    const unknown = await door.send('GET', '/subscribe/customers/nobody/payments', { headers: auth });
    t.equal(unknown.status, 404);
  });
});
