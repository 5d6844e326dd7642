import t from 'tap';
import type { Store } from '../../src/index.js';
import { forEachDoor, START } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

/** JSON text of a value nested deeper than JSON.stringify can follow: storing it as custom_data throws half-way. */
const deep = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** An in-memory store whose saves fail while `failing` is set. */
function flakyStore(): Store & { failing: boolean } {
  return {
    failing: false,
    async load() {
      return null;
    },
    async commit() {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.failing) throw new Error('disk full');
    },
    async close() {},
    attach() {},
  };
}

forEachDoor(t, async (t, start) => {
  t.test('a change that throws half-way leaves nothing of it: the first of two schedules is not stored', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-1', customer_uid: 'k-1', ...card, amount: 1000 } });
    const at = START / 1000 + 3600;
    const first = JSON.stringify({ merchant_uid: 's-1', schedule_at: at, amount: 100, name: 'x' });
    const second = `{"merchant_uid":"s-2","schedule_at":${at},"amount":100,"name":"x","custom_data":${deep(20_000)}}`;
    const res = await door.call('POST', '/subscribe/payments/schedule', {
      headers: { 'content-type': 'application/json' },
      payload: `{"customer_uid":"k-1","schedules":[${first},${second}]}`,
    });
    t.not(res.body.code, 0, 'the request is refused');
    t.equal(res.body.response, null);
    t.equal((await door.call('GET', '/subscribe/payments/schedule/s-1')).status, 404, 'the first schedule was not kept');
    t.same(door.sandbox.schedules.list(), []);
  });

  t.test('a save that fails takes back its change and every later unsaved one built on it, newest first', async (t) => {
    const store = flakyStore();
    const door = await start({ store });
    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'o-1', ...card, amount: 1000 } });
    const impUid = paid.body.response.imp_uid;
    const token = await door.tokenOf();
    const auth = { authorization: `Bearer ${token}` };
    store.failing = true;
    const [first, second] = await Promise.all([
      door.send('POST', '/payments/cancel', { headers: auth, json: { imp_uid: impUid, amount: 100 } }),
      door.send('POST', '/payments/cancel', { headers: auth, json: { imp_uid: impUid, amount: 200 } }),
    ]);
    t.same([first!.status, second!.status], [503, 503]);
    store.failing = false;
    const after = await door.send('GET', `/payments/${impUid}`, { headers: auth });
    t.match(after.body.response, { status: 'paid', cancel_amount: 0, cancel_history: [] }, 'neither cancel is left in memory');
  });
});
