import t, { type Test } from 'tap';
import { MAX_AMOUNT } from '../../src/contract/common.js';
import { MAX_JSON_DEPTH } from '../../src/contract/validation.js';
import { forEachDoor, merchantA, START, type Door, type Reply } from '../helpers/doors.js';
import { card, isEnvelope } from '../helpers/processes.js';

// Numbers and nesting, by class: every money and count field refuses what is not a safe integer in its range,
// text (forms, query strings) may only write plain decimal digits, JSON that parses to ±Infinity is refused
// rather than stored as null, and nesting beyond MAX_JSON_DEPTH is refused before anything runs.

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const at = START / 1000 + 3600;

/** JSON numbers the sandbox must refuse in a money field: out of range, past 2^53, or Infinity once parsed. */
const badJsonAmounts = ['1e309', '-1e309', '1e400', String(MAX_AMOUNT + 1), '9007199254740993', '1.5', '-1', '0'];
/** Form and query texts Ajv's coercion would read as numbers, though they are not plain decimal or not finite. */
const nonDecimalTexts = ['0x10', '0b11', '0o17', '+5', ' 5', '5 ', '5.0', '1e3', 'Infinity', 'NaN', '', '５', '9'.repeat(400)];

/** A JSON body nested `depth` levels in all (the body object itself is level 1). */
const nested = (depth: number, prefix: string) => prefix + '{"a":'.repeat(depth - 1) + '1' + '}'.repeat(depth - 1) + '}';

function refused(t: Test, res: Reply, what: string, status = 400, message?: RegExp): void {
  t.equal(res.status, status, `${what}: status ${status}`);
  t.ok(isEnvelope(res.body) && res.body.code === -1 && res.body.response === null, `${what}: refusal envelope`);
  if (message) t.match(res.body.message, message, `${what}: message`);
}

forEachDoor(t, async (t, start) => {
  const ready = async (): Promise<{ door: Door; auth: Record<string, string>; impUid: string }> => {
    const door = await start();
    const auth = { authorization: await door.tokenOf() };
    const paid = await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, merchant_uid: 'base', customer_uid: 'k-1', amount: 1000 } });
    return { door, auth, impUid: paid.body.response.imp_uid };
  };

  t.test('JSON money fields refuse numbers out of range, unsafe or infinite, and store nothing', async (t) => {
    const { door, auth, impUid } = await ready();
    const before = door.sandbox.export();
    const cases: [string, string, (n: string) => string][] = [
      ['onetime amount', '/subscribe/payments/onetime', (n) => `{"merchant_uid":"n","card_number":"${card.card_number}","expiry":"2030-01","amount":${n}}`],
      ['again amount', '/subscribe/payments/again', (n) => `{"customer_uid":"k-1","merchant_uid":"n","amount":${n}}`],
      ['onetime tax_free', '/subscribe/payments/onetime', (n) => `{"merchant_uid":"n","card_number":"${card.card_number}","expiry":"2030-01","amount":1000,"tax_free":${n}}`],
      ['schedule amount', '/subscribe/payments/schedule', (n) => `{"customer_uid":"k-1","schedules":[{"merchant_uid":"n","schedule_at":${at},"amount":${n},"name":"x"}]}`],
      ['cancel amount', '/payments/cancel', (n) => `{"imp_uid":"${impUid}","amount":${n === '0' ? '-1' : n}}`],
      ['cancel checksum', '/payments/cancel', (n) => `{"imp_uid":"${impUid}","checksum":${n === '0' ? '-1' : n}}`],
    ];
    for (const [what, url, body] of cases) {
      for (const n of badJsonAmounts) {
        if (n === '0' && what.includes('tax_free')) continue; // a tax-free share of 0 is meaningful
        refused(t, await door.send('POST', url, { headers: { ...auth, ...json }, payload: body(n) }), `${what} ${n}`);
      }
    }
    const cap = await door.send('POST', '/subscribe/payments/onetime', {
      headers: { ...auth, ...json },
      payload: `{"merchant_uid":"cap","card_number":"${card.card_number}","expiry":"2030-01","amount":${MAX_AMOUNT}}`,
    });
    t.equal(cap.body.response?.amount, MAX_AMOUNT, 'the largest amount is taken exactly');
    const after = door.sandbox.export();
    t.equal(after.payments.length, before.payments.length + 1, 'only the in-range payment was stored');
  });

  t.test('Infinity anywhere in a JSON body (custom_data, window params) is refused, not stored as null', async (t) => {
    const { door, auth } = await ready();
    const before = door.sandbox.export();
    refused(
      t,
      await door.send('POST', '/subscribe/payments/again', { headers: { ...auth, ...json }, payload: '{"customer_uid":"k-1","merchant_uid":"i","amount":10,"custom_data":{"x":1e999}}' }),
      'custom_data',
      400,
      /숫자/,
    );
    refused(
      t,
      await door.send('POST', '/sandbox/window/requests', { headers: json, payload: `{"merchant_code":"${merchantA.code}","params":{"pg":"settle","amount":1e309}}` }),
      'window amount',
      400,
      /숫자/,
    );
    t.same(door.sandbox.export(), before);
  });

  t.test('form and query numbers are plain decimal digits only', async (t) => {
    const { door, auth, impUid } = await ready();
    const before = door.sandbox.export();
    for (const text of nonDecimalTexts) {
      const enc = encodeURIComponent(text);
      refused(
        t,
        await door.send('POST', '/subscribe/payments/again', { headers: { ...auth, ...form }, payload: `customer_uid=k-1&merchant_uid=f&amount=${enc}` }),
        `form amount ${JSON.stringify(text)}`,
        400,
        /\["amount"\]/,
      );
      refused(
        t,
        await door.send('POST', '/subscribe/payments/schedule', {
          headers: { ...auth, ...form },
          payload: `customer_uid=k-1&schedules[0][merchant_uid]=f&schedules[0][schedule_at]=${at}&schedules[0][name]=x&schedules[0][amount]=${enc}`,
        }),
        `form schedules[0][amount] ${JSON.stringify(text)}`,
        400,
        /\["schedules"\]/,
      );
      if (text !== '') {
        refused(t, await door.send('POST', '/payments/cancel', { headers: { ...auth, ...form }, payload: `imp_uid=${impUid}&checksum=${enc}` }), `form checksum ${JSON.stringify(text)}`);
      }
      refused(t, await door.send('GET', `/subscribe/customers/k-1/payments?page=${enc}`, { headers: auth }), `query page ${JSON.stringify(text)}`, 400, /\["page"\]/);
      refused(
        t,
        await door.send('GET', `/subscribe/payments/schedule?schedule_from=${enc}&schedule_to=${at}`, { headers: auth }),
        `query schedule_from ${JSON.stringify(text)}`,
        400,
        /\["schedule_from"\]/,
      );
    }
    const plain = await door.send('POST', '/subscribe/payments/again', { headers: { ...auth, ...form }, payload: 'customer_uid=k-1&merchant_uid=plain&amount=1500' });
    t.equal(plain.body.response?.amount, 1500, 'plain decimal text is still a number');
    const paged = await door.send('GET', '/subscribe/customers/k-1/payments?page=1', { headers: auth });
    t.equal(paged.status, 200, 'a plain page number still pages');
    t.equal(door.sandbox.export().payments.length, before.payments.length + 1, 'only the plain request was stored');
  });

  t.test('integer fields of every kind are bounded', async (t) => {
    const { door, auth, impUid } = await ready();
    const before = door.sandbox.export();
    const huge = '9'.repeat(20);
    const over = String(MAX_AMOUNT + 1);
    const vbank = (amount: string, due: string | number) =>
      `{"channel_key":"channel-key-1","merchant_uid":"q","amount":${amount},"vbank_code":"004","vbank_due":${due},"vbank_holder":"x"}`;
    const receipt = '"identifier":"01012345678","identifier_type":"phone","type":"person"';
    // [what, method, url, JSON body or '' for none, the field the refusal names]
    const cases: [string, string, string, string, string][] = [
      ['page', 'GET', `/subscribe/customers/k-1/payments?page=${huge}`, '', 'page'],
      ['limit', 'GET', `/subscribe/payments/schedule?schedule_from=0&schedule_to=1&limit=${huge}`, '', 'limit'],
      ['schedule_to', 'GET', `/subscribe/payments/schedule?schedule_from=0&schedule_to=${huge}`, '', 'schedule_to'],
      ['to', 'GET', `/subscribe/payments/schedule/customers/k-1?from=0&to=${huge}`, '', 'to'],
      ['payments by status from', 'GET', `/payments/status/paid?from=${huge}`, '', 'from'],
      ['payments by status to', 'GET', `/payments/status/all?to=${huge}`, '', 'to'],
      ['card_quota', 'POST', '/subscribe/payments/again', `{"customer_uid":"k-1","merchant_uid":"q","amount":10,"card_quota":${huge}}`, 'card_quota'],
      ['schedule_at', 'POST', '/subscribe/payments/schedule', `{"customer_uid":"k-1","schedules":[{"merchant_uid":"q","schedule_at":${huge},"amount":10,"name":"x"}]}`, 'schedules'],
      ['schedule change schedule_at', 'PUT', '/subscribe/payments/schedule/q', `{"schedule_at":${huge}}`, 'schedule_at'],
      ['reschedule schedule_at', 'POST', '/subscribe/payments/schedule/q/reschedule', `{"schedule_at":${huge}}`, 'schedule_at'],
      ['prepare amount', 'POST', '/payments/prepare', `{"merchant_uid":"q","amount":${huge}}`, 'amount'],
      ['vbank amount', 'POST', '/vbanks', vbank(huge, at), 'amount'],
      ['vbank amount over the cap', 'POST', '/vbanks', vbank(over, at), 'amount'],
      ['vbank amount past 2^53', 'POST', '/vbanks', vbank('9007199254740993', at), 'amount'],
      ['vbank_due', 'POST', '/vbanks', vbank('1000', huge), 'vbank_due'],
      ['vbank_due past year 9999', 'POST', '/vbanks', vbank('1000', 10_000_000_000_000), 'vbank_due'],
      ['vbank modify amount', 'PUT', `/vbanks/${impUid}`, `{"amount":${over}}`, 'amount'],
      ['vbank modify vbank_due', 'PUT', `/vbanks/${impUid}`, `{"vbank_due":${huge}}`, 'vbank_due'],
      ['cash receipt tax_free', 'POST', `/receipts/${impUid}`, `{${receipt},"tax_free":${over}}`, 'tax_free'],
      ['external cash receipt amount', 'POST', '/receipts/external/q', `{${receipt},"channel_key":"channel-key-1","name":"x","amount":${over}}`, 'amount'],
      ['times', 'POST', '/sandbox/outcomes', `{"result":"decline","times":${huge}}`, 'times'],
      ['days', 'POST', '/sandbox/clock/advance', `{"days":${huge}}`, 'days'],
      ['clock set', 'POST', '/sandbox/clock/set', `{"at":${huge}}`, 'at'],
      ['control cancel amount', 'POST', `/sandbox/payments/${impUid}/cancel`, `{"amount":${over}}`, 'amount'],
    ];
    for (const [what, method, url, payload, field] of cases) {
      const init = payload ? { headers: { ...auth, ...json }, payload } : { headers: auth };
      refused(t, await door.send(method, url, init), what, 400, new RegExp(`\\["${field}"\\]`));
    }
    t.same(door.sandbox.export(), before, 'nothing refused changed the state');
  });

  t.test('an import with numbers no request could store is refused whole and changes nothing', async (t) => {
    const { door } = await ready();
    const before = door.sandbox.export();
    const edits: [string, (s: any) => void, RegExp][] = [
      ['an amount past 2^53', (s) => (s.payments[0].payment.amount = 2 ** 60), /\["payments"\].*9999999999 이하/],
      ['a cancel_amount past 2^53', (s) => (s.payments[0].payment.cancel_amount = 2 ** 60 - 4096), /\["payments"\].*9999999999 이하/],
      ['a fractional amount', (s) => (s.payments[0].payment.amount = 1000.5), /\["payments"\].*integer/],
      ['a negative amount', (s) => (s.payments[0].payment.amount = -1000), /\["payments"\].*0 이상/],
      ['a paid_at no Date can show', (s) => (s.payments[0].payment.paid_at = 1e18), /\["payments"\].*이하/],
      ['a sequence past 2^50', (s) => (s.seq = 2 ** 60), /\["seq"\].*이하/],
    ];
    for (const [what, edit, field] of edits) {
      const snapshot = structuredClone(before) as any;
      edit(snapshot);
      refused(t, await door.send('PUT', '/sandbox/state', { json: snapshot }), what, 400, field);
    }
    t.same(door.sandbox.export(), before, 'nothing refused changed the state');
  });

  t.test(`nesting deeper than ${MAX_JSON_DEPTH} is refused before anything runs, on every operation that takes custom data`, async (t) => {
    const { door, auth } = await ready();
    const before = door.sandbox.export();
    const targets: [string, string][] = [
      ['/subscribe/payments/onetime', `{"merchant_uid":"d","card_number":"${card.card_number}","expiry":"2030-01","amount":10,"custom_data":`],
      ['/subscribe/payments/again', '{"customer_uid":"k-1","merchant_uid":"d","amount":10,"custom_data":'],
      ['/subscribe/payments/schedule', `{"customer_uid":"k-1","schedules":[{"merchant_uid":"d","schedule_at":${at},"amount":10,"name":"x"}],"custom_data":`],
      ['/sandbox/window/requests', `{"merchant_code":"${merchantA.code}","params":`],
    ];
    for (const [url, prefix] of targets) {
      for (const depth of [MAX_JSON_DEPTH + 1, 5_000]) {
        const res = await door.send('POST', url, { headers: { ...auth, ...json }, payload: nested(depth, prefix) });
        refused(t, res, `${url} ${depth} deep`, 400, new RegExp(`최대 ${MAX_JSON_DEPTH}단계`));
      }
    }
    // Brackets inside strings are text, not nesting.
    const quoted = await door.send('POST', '/subscribe/payments/again', {
      headers: { ...auth, ...json },
      payload: `{"customer_uid":"k-1","merchant_uid":"quoted","amount":10,"custom_data":"${'[{'.repeat(100)}\\"${'}]'.repeat(100)}"}`,
    });
    t.equal(quoted.body.code, 0, 'brackets inside a string do not count');
    const deepest = await door.send('POST', '/subscribe/payments/again', {
      headers: { ...auth, ...json },
      payload: nested(MAX_JSON_DEPTH, '{"customer_uid":"k-1","merchant_uid":"deepest","amount":10,"custom_data":'),
    });
    t.equal(deepest.body.code, 0, `a body exactly ${MAX_JSON_DEPTH} deep is taken`);
    t.equal(door.sandbox.export().payments.length, before.payments.length + 2, 'no refused request stored anything');
  });
});
