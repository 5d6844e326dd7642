import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { operations } from '../../src/api/operations.js';
import { defaultCards } from '../../src/index.js';
import { forEachDoor, merchantA, merchantB, type Reply } from '../helpers/doors.js';
import { card, getToken, requireBuiltCli, startCli } from '../helpers/processes.js';

// Merchant B's card: nxca_ks_gu needs a real birth date and pwd_2digit.
const cardB = { card_number: '9410-1234-5678-9012', expiry: '2031-12', birth: '880101', pwd_2digit: '12' };

/** Values an attacker holding A's token would try for each parameter name: all of them B's. */
function targets(b: { impUid: string; merchantUid: string; customerUid: string }) {
  const value: Record<string, string> = {
    imp_uid: b.impUid,
    merchant_uid: b.merchantUid,
    customer_uid: b.customerUid,
    payment_status: 'paid',
  };
  const query = `?customer_uid[]=${b.customerUid}&imp_uid[]=${b.impUid}&merchant_uid[]=${b.merchantUid}`;
  const bodies = [
    { imp_uid: b.impUid, customer_uid: b.customerUid, merchant_uid: b.merchantUid, amount: 1000, ...card },
    { merchant_uid: b.merchantUid },
    { customer_uid: b.customerUid, merchant_uid: 'a-new-order', amount: 1000 },
  ];
  return { value, query, bodies };
}

forEachDoor(t, async (t, start) => {
  t.test("a token of merchant A reaches nothing of merchant B's, on every authenticated endpoint", async (t) => {
    const door = await start();
    const issued = await door.call(
      'POST',
      '/subscribe/payments/onetime',
      { json: { ...cardB, merchant_uid: 'b-order', customer_uid: 'b-customer', amount: 7000, buyer_name: 'B비밀고객' } },
      merchantB,
    );
    t.equal(issued.body.code, 0, 'B has a paid payment and a billing key');
    const b = { impUid: issued.body.response.imp_uid, merchantUid: 'b-order', customerUid: 'b-customer' };
    const ofB = () => {
      const s = door.sandbox.export();
      return { payments: s.payments.filter((p) => p.merchant === merchantB.code), keys: s.billing_keys.filter((k) => k.merchant === merchantB.code) };
    };
    const before = ofB();
    const tokenA = await door.tokenOf(merchantA);
    const { value, query, bodies } = targets(b);
    const leaks = [b.impUid, 'B비밀고객', issued.body.response.pg_tid, issued.body.response.apply_num];

    const authenticated = operations.filter((op) => op.auth);
    t.ok(authenticated.length >= 10, `${authenticated.length} authenticated operations`);
    for (const op of authenticated) {
      const path = op.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(value[name] ?? b.customerUid));
      const replies: Reply[] = [];
      for (const body of op.method === 'GET' || op.method === 'DELETE' ? [undefined] : bodies) {
        replies.push(
          await door.send(op.method, path + query, {
            headers: { authorization: `Bearer ${tokenA}` },
            ...(body ? { json: body } : {}),
          }),
        );
      }
      for (const reply of replies) {
        const text = JSON.stringify(reply.body);
        t.notOk(leaks.some((secret) => text.includes(secret)), `${op.operationId} shows nothing of B (${reply.status} ${text.slice(0, 80)})`);
      }
    }
    t.same(ofB(), before, "B's payments and billing keys are unchanged");
    const still = await door.call('GET', `/subscribe/customers/${b.customerUid}`, {}, merchantB);
    t.equal(still.body.code, 0, "B's billing key still works for B");
  });
});

// One child process and ~80 requests; slow on a loaded machine.
t.setTimeout(90_000);

t.test('no full card number in the data file, the logs or any response', async (t) => {
  if (!requireBuiltCli(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'iamport-secrets-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'data.json');
  // The most talkative log level: even then no card number may appear.
  const child = await startCli(['--data', file, '--log-level', 'trace']);
  const token = await getToken(child.url);
  const numbers = [card.card_number, cardB.card_number, ...defaultCards.declines.map((d) => d.card_number)];
  const responses: string[] = [];
  const send = async (method: string, path: string, body?: unknown, viaForm = false) => {
    const res = await fetch(`${child.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': viaForm ? 'application/x-www-form-urlencoded' : 'application/json' } : {}),
      },
      ...(body ? { body: viaForm ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body) } : {}),
    });
    responses.push(await res.text());
  };
  for (const [i, number] of numbers.entries()) {
    const dashed = number.replace(/\D/g, '').replace(/(\d{4})(?=\d)/g, '$1-');
    const body = { ...card, card_number: i % 2 ? dashed : number.replace(/\D/g, ''), merchant_uid: `s-${i}`, customer_uid: `c-${i}`, amount: '1000' };
    await send('POST', '/subscribe/payments/onetime', { ...body, amount: 1000 });
    await send('POST', '/subscribe/payments/onetime', { ...body, merchant_uid: `f-${i}` }, true);
    await send('POST', '/subscribe/payments/again', { customer_uid: `c-${i}`, merchant_uid: `a-${i}`, amount: 1000 });
    await send('GET', `/subscribe/customers/c-${i}`);
    await send('GET', `/payments/find/s-${i}`);
    // Malformed on purpose: the validation message must not echo the number back either.
    await send('POST', '/subscribe/payments/onetime', { ...body, expiry: 'never', amount: 1000 });
    await send('POST', '/subscribe/customers/c-x', { channel_key: 'channel-key-1', card_number: number, expiry: '2030-13' });
  }
  child.process.kill('SIGTERM');
  t.equal(await child.exited, 0);
  const journal = existsSync(`${file}.journal`) ? readFileSync(`${file}.journal`, 'utf8') : '';
  const places = { 'data file': readFileSync(file, 'utf8') + journal, logs: child.stdout() + child.stderr(), responses: responses.join('\n') };
  t.ok(places.logs.length > 0, 'the server logged');
  for (const [place, text] of Object.entries(places)) {
    const digitsOnly = text.replace(/[-\s]/g, '');
    const found = numbers.filter((n) => digitsOnly.includes(n.replace(/\D/g, '')));
    t.same(found, [], `no full card number in the ${place}`);
  }
});
