import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { LowdbStore } from '../../src/storage/lowdb-store.js';
import { forEachDoor, type Door } from '../helpers/doors.js';
import { card, startLoopback } from '../helpers/processes.js';

// Overlapping requests on one merchant_uid, one billing key or one payment. The file store matters most here:
// its commits are asynchronous, so requests interleave between a change and its answer.

const N = 200;

function dataFile(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-concurrency-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'data.json');
}

async function scenarios(t: Test, start: () => Promise<Door>) {
  t.test(`${N} concurrent onetime with one merchant_uid charge exactly once`, async (t) => {
    const door = await start();
    const token = await door.tokenOf();
    const auth = { authorization: `Bearer ${token}` };
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        door.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { ...card, merchant_uid: 'same-order', amount: 1000 + i } }),
      ),
    );
    const paid = answers.filter((a) => a.status === 200 && a.body.code === 0);
    t.equal(paid.length, 1, 'one answer charged');
    t.ok(answers.every((a) => a.status === 200 && (a.body.code === 0 || a.body.code === 1)), 'the others are refused with code 1');
    const stored = door.sandbox.export().payments.filter((p) => p.payment.merchant_uid === 'same-order');
    t.equal(stored.length, 1, 'one payment stored');
    t.equal(stored[0]?.payment.imp_uid, paid[0]?.body.response.imp_uid);
  });

  t.test('concurrent again on one billing key keep a consistent history', async (t) => {
    const door = await start();
    const auth = { authorization: `Bearer ${await door.tokenOf()}` };
    const issue = await door.send('POST', '/subscribe/payments/onetime', {
      headers: auth,
      json: { ...card, merchant_uid: 'issue', customer_uid: 'cust', amount: 500 },
    });
    t.equal(issue.body.code, 0);
    const charges = 60;
    const answers = await Promise.all([
      ...Array.from({ length: charges }, (_, i) =>
        door.send('POST', '/subscribe/payments/again', { headers: auth, json: { customer_uid: 'cust', merchant_uid: `again-${i}`, amount: 100 + i } }),
      ),
      // The same merchant_uid many times over: at most one of these may charge.
      ...Array.from({ length: 20 }, () =>
        door.send('POST', '/subscribe/payments/again', { headers: auth, json: { customer_uid: 'cust', merchant_uid: 'again-dup', amount: 100 } }),
      ),
    ]);
    const ok = answers.filter((a) => a.status === 200 && a.body.code === 0).map((a) => a.body.response.imp_uid as string);
    t.equal(ok.length, charges + 1, 'every distinct merchant_uid charged, the duplicate once');
    const listed: string[] = [];
    for (let page = 1; ; page++) {
      const res = await door.send('GET', `/subscribe/customers/cust/payments?page=${page}`, { headers: auth });
      t.equal(res.body.code, 0);
      listed.push(...res.body.response.list.map((p: any) => p.imp_uid));
      if (!res.body.response.next) break;
    }
    t.same(new Set(listed), new Set([issue.body.response.imp_uid, ...ok]), 'the listing is exactly the successful charges');
    t.equal(listed.length, new Set(listed).size, 'no payment listed twice');
  });

  t.test('concurrent cancels never cancel more than was paid', async (t) => {
    const door = await start();
    const auth = { authorization: `Bearer ${await door.tokenOf()}` };
    const paid = await door.send('POST', '/subscribe/payments/onetime', { headers: auth, json: { ...card, merchant_uid: 'to-cancel', amount: 10_000 } });
    const impUid = paid.body.response.imp_uid;
    const partial = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        door.send('POST', '/payments/cancel', {
          headers: auth,
          json: i % 2 ? { imp_uid: impUid, amount: 300 } : { merchant_uid: 'to-cancel', amount: 300 },
        }),
      ),
    );
    const accepted = partial.filter((a) => a.body.code === 0);
    t.equal(accepted.length, 33, '33 × 300 fit in 10,000');
    t.ok(partial.every((a) => a.status === 200), 'refusals are code 1 answers');
    const full = await Promise.all(Array.from({ length: 20 }, () => door.send('POST', '/payments/cancel', { headers: auth, json: { imp_uid: impUid } })));
    t.equal(full.filter((a) => a.body.code === 0).length, 1, 'one cancel takes the remaining 100');
    const final = await door.send('GET', `/payments/${impUid}`, { headers: auth });
    const p = final.body.response;
    t.equal(p.cancel_amount, 10_000);
    t.equal(p.cancel_history.reduce((sum: number, c: any) => sum + c.amount, 0), 10_000, 'history adds up to what was paid');
    t.equal(p.cancel_history.length, 34);
  });
}

forEachDoor(t, async (t, start) => {
  t.test('memory store', (t) => scenarios(t, () => start()));
  t.test('file store', (t) => scenarios(t, () => start({ store: new LowdbStore(dataFile(t)) })));
});

t.test('over loopback HTTP (startServer)', async (t) => {
  t.test('memory store', (t) => scenarios(t, () => startLoopback(t, null)));
  t.test('file store', (t) => scenarios(t, () => startLoopback(t, dataFile(t))));
});
