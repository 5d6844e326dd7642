import t from 'tap';
import { createSandbox, defaultMerchants, type Merchant } from '../../src/index.js';
import { START, forEachDoor, merchantA, merchantC, type Door } from '../helpers/doors.js';

// Test channels as the vendor runs them since 2026-01-26 (reference §13): payments and billing keys made on a test
// MID carry `sandbox: true`, GET /payments/{imp_uid} hides them unless asked with include_sandbox=true, and
// GET /users/pg shows the flag. Opt-in: Hecto's nightly PG-side cancel of test payments, unknown to PortOne.

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
const HOUR = 60 * 60 * 1000;
/** 23:00:00 KST of START's day (START is 12:00 KST). */
const ELEVEN_PM = START + 11 * HOUR;

/** The shipped merchants with the test-channel merchant opted in to the nightly cancel (and the API vbank contract). */
const optedIn = (): Merchant[] =>
  structuredClone([...defaultMerchants]).map((m) =>
    m.code === merchantC.code ? { ...m, settle: { ...m.settle, test_auto_cancel: true, vbank_api: true } } : m,
  );
/** The shipped merchants with the live merchant A opted in: its payments are live, so nothing is cancelled. */
const liveOptedIn = (): Merchant[] =>
  structuredClone([...defaultMerchants]).map((m) => (m.code === merchantA.code ? { ...m, settle: { ...m.settle, test_auto_cancel: true } } : m));

/** The shipped merchants with the test-channel merchant given the API virtual-account contract. */
const withVbankApi = (): Merchant[] =>
  structuredClone([...defaultMerchants]).map((m) => (m.code === merchantC.code ? { ...m, settle: { ...m.settle, vbank_api: true } } : m));

async function onetime(door: Door, merchant_uid: string, merchant = merchantC, fields: Record<string, unknown> = {}) {
  const res = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid, ...card, amount: 1000, ...fields } }, merchant);
  return res.body.response;
}

const cancel = (door: Door, json: Record<string, unknown>, merchant = merchantC) => door.call('POST', '/payments/cancel', { json }, merchant);

const NOT_FOUND = { code: -1, message: '존재하지 않는 결제정보입니다.', response: null };
const CANCELLED_AT_PG = { code: -1, message: '결제취소에 실패하였습니다. 기 취소 거래', response: null };

t.test('the shipped merchants: two live merchants, one on the shared Settle test MIDs', async (t) => {
  t.same(
    defaultMerchants.map((m) => [m.code, m.settle.mids.map((mid) => mid.sandbox)]),
    [
      ['imp10000001', [false, false, false]],
      ['imp20000002', [false, false]],
      ['imp30000003', [true, true, true]],
    ],
  );
  t.same(
    merchantC.settle.mids.map((mid) => [mid.mid, mid.kind, mid.requires_birth, mid.requires_pwd_2digit]),
    [
      ['nxca_jt_bi', 'api', false, false],
      ['nxca_ks_gu', 'api', true, true],
      ['portone1', 'window', false, false],
    ],
    "the help centre's test MIDs: key-in with number and expiry, key-in with birth and password digits, the window",
  );
  t.notOk(merchantC.settle.test_auto_cancel, 'the nightly cancel is opt-in');
});

forEachDoor(t, async (t, start) => {
  t.test('GET /users/pg shows each MID as a test or a live channel', async (t) => {
    const door = await start();
    t.same((await door.call('GET', '/users/pg', {}, merchantC)).body.response, [
      { pg_provider: 'settle', pg_id: 'nxca_jt_bi', sandbox: true, type: 'api_payment' },
      { pg_provider: 'settle', pg_id: 'nxca_ks_gu', sandbox: true, type: 'api_payment' },
      { pg_provider: 'settle', pg_id: 'portone1', sandbox: true, type: 'payment' },
    ]);
    t.same(
      (await door.call('GET', '/users/pg')).body.response.map((s: any) => s.sandbox),
      [false, false, false],
    );
  });

  t.test('a test-channel payment is hidden from GET /payments/{imp_uid} unless include_sandbox=true', async (t) => {
    const door = await start();
    const paid = await onetime(door, 'tc-1', merchantC, { customer_uid: 'tc-cu', pg: 'settle.nxca_ks_gu', birth: '880101', pwd_2digit: '12' });
    t.match(paid, { sandbox: true, pg_id: 'nxca_ks_gu', status: 'paid' });

    for (const query of ['', '?include_sandbox=false']) {
      const hidden = await door.call('GET', `/payments/${paid.imp_uid}${query}`, {}, merchantC);
      t.equal(hidden.status, 404, `hidden with "${query}"`);
      t.same(hidden.body, NOT_FOUND);
    }
    const shown = await door.call('GET', `/payments/${paid.imp_uid}?include_sandbox=true`, {}, merchantC);
    t.equal(shown.status, 200);
    t.same(shown.body, { code: 0, message: null, response: paid });
    t.equal((await door.call('GET', `/payments/${paid.imp_uid}?include_sandbox=yes`, {}, merchantC)).status, 400, 'a boolean, or refused');
    t.equal(
      (await door.call('GET', `/payments/${paid.imp_uid}?include_sandbox=true`)).status,
      404,
      "include_sandbox shows no other merchant's payment",
    );

    // Only that endpoint hides them.
    t.same((await door.call('GET', '/payments/find/tc-1', {}, merchantC)).body.response, paid);
    t.same((await door.call('GET', '/payments/findAll/tc-1/paid', {}, merchantC)).body.response.list, [paid]);
    t.same((await door.call('GET', `/payments?imp_uid[]=${paid.imp_uid}`, {}, merchantC)).body.response, [paid]);
    t.same((await door.call('GET', '/payments/status/paid', {}, merchantC)).body.response.list, [paid]);
    t.same((await door.call('GET', '/subscribe/customers/tc-cu/payments', {}, merchantC)).body.response.list, [paid]);

    const key = (await door.call('GET', '/subscribe/customers/tc-cu', {}, merchantC)).body.response;
    t.match(key, { customer_uid: 'tc-cu', pg_id: 'nxca_ks_gu', sandbox: true }, 'the billing key is a test one too');
    t.same((await door.call('GET', '/subscribe/customers?customer_uid[]=tc-cu', {}, merchantC)).body.response, [key]);

    const again = await door.call('POST', '/subscribe/payments/again', { json: { customer_uid: 'tc-cu', merchant_uid: 'tc-2', amount: 500 } }, merchantC);
    t.match(again.body.response, { status: 'paid', sandbox: true, pg_id: 'nxca_ks_gu' });
    t.equal((await door.call('GET', `/payments/${again.body.response.imp_uid}`, {}, merchantC)).status, 404);

    // Without the opt-in the PG cancels nothing on its own: a cancel the next day works as usual.
    await door.sandbox.setTime(START + 24 * HOUR);
    const cancelled = await cancel(door, { imp_uid: paid.imp_uid, reason: '테스트 환불' });
    t.match(cancelled.body, { code: 0, response: { status: 'cancelled', cancel_amount: 1000, sandbox: true } });
  });

  t.test('a live-channel payment says sandbox: false and is found with or without include_sandbox', async (t) => {
    const door = await start();
    const paid = await onetime(door, 'live-1', merchantA, { customer_uid: 'live-cu' });
    t.equal(paid.sandbox, false);
    t.equal((await door.call('GET', '/subscribe/customers/live-cu')).body.response.sandbox, false);
    for (const query of ['', '?include_sandbox=false', '?include_sandbox=true']) {
      t.same((await door.call('GET', `/payments/${paid.imp_uid}${query}`)).body.response, paid, `found with "${query}"`);
    }
  });

  t.test('window payments, virtual accounts and scheduled charges on a test MID are test payments', async (t) => {
    const door = await start({ merchants: withVbankApi() });
    const open = async (params: Record<string, unknown>) => {
      const opened = await door.send('POST', '/sandbox/window/requests', {
        json: { merchant_code: merchantC.code, params: { pg: 'settle', amount: 1004, name: '테스트', buyer_tel: '010-1234-5678', company: '포트원', ...params } },
      });
      return opened.body.response.imp_uid as string;
    };
    const cardWindow = await open({ merchant_uid: 'w-card' });
    const approved = await door.send('POST', `/sandbox/window/requests/${cardWindow}/approve`, { json: {} });
    t.equal(approved.body.response.rsp.error_code, null);
    const show = (impUid: string) => door.call('GET', `/payments/${impUid}?include_sandbox=true`, {}, merchantC);
    t.match((await show(cardWindow)).body.response, { status: 'paid', pg_id: 'portone1', sandbox: true }, 'bare `settle` opens the window MID');

    const vbankWindow = await open({ merchant_uid: 'w-vbank', pay_method: 'vbank' });
    await door.send('POST', `/sandbox/window/requests/${vbankWindow}/approve`, { json: {} });
    t.match((await show(vbankWindow)).body.response, { status: 'ready', pay_method: 'vbank', sandbox: true });

    const due = START / 1000 + 3 * 86400;
    const issued = await door.call(
      'POST',
      '/vbanks',
      { json: { channel_key: 'channel-key-1', merchant_uid: 'api-vbank', amount: 5000, vbank_code: '004', vbank_due: due, vbank_holder: '테스트상점' } },
      merchantC,
    );
    t.match(issued.body.response, { status: 'ready', pg_id: 'nxca_jt_bi', sandbox: true });
    t.equal((await door.call('GET', `/payments/${issued.body.response.imp_uid}`, {}, merchantC)).status, 404);

    await onetime(door, 'sch-key', merchantC, { customer_uid: 'sch-cu' });
    const at = START / 1000 + 3600;
    await door.call('POST', '/subscribe/payments/schedule', { json: { customer_uid: 'sch-cu', schedules: [{ merchant_uid: 'sch-1', schedule_at: at, amount: 700, name: 'x' }] } }, merchantC);
    await door.sandbox.advance(HOUR);
    const run = (await door.call('GET', '/subscribe/payments/schedule/sch-1', {}, merchantC)).body.response;
    t.match(run, { schedule_status: 'executed', payment_status: 'paid' });
    t.match((await show(run.imp_uid)).body.response, { customer_uid_usage: 'payment.scheduled', sandbox: true });
  });

  t.test("opted in: Hecto cancels the day's test payments at 23:00 KST; PortOne still says paid and a cancel is refused", async (t) => {
    const door = await start({ merchants: optedIn() });
    const untouched = await onetime(door, 'ac-1');
    const partly = await onetime(door, 'ac-2');
    const early = await onetime(door, 'ac-3');

    await door.sandbox.advance(60_000);
    const part = await cancel(door, { imp_uid: partly.imp_uid, amount: 300, checksum: 1000 });
    t.match(part.body, { code: 0, response: { cancel_amount: 300 } }, 'a partial cancel before the night works as usual');
    await door.sandbox.setTime(ELEVEN_PM - 1000);
    t.match((await cancel(door, { imp_uid: early.imp_uid })).body, { code: 0, response: { status: 'cancelled', cancel_amount: 1000 } }, 'at 22:59:59 still cancellable');

    await door.sandbox.setTime(ELEVEN_PM);
    const refused = await cancel(door, { imp_uid: untouched.imp_uid, reason: '환불' });
    t.equal(refused.status, 200);
    t.same(refused.body, CANCELLED_AT_PG);
    t.same((await cancel(door, { merchant_uid: 'ac-2', amount: 100 })).body, CANCELLED_AT_PG, 'the rest of a partly cancelled payment too');
    t.same((await door.send('POST', `/sandbox/payments/${untouched.imp_uid}/cancel`, { json: {} })).body, CANCELLED_AT_PG, 'the control cancel reaches the PG too');

    const record = await door.call('GET', `/payments/${untouched.imp_uid}?include_sandbox=true`, {}, merchantC);
    t.same(record.body.response, untouched, 'the PortOne record is unchanged: still paid');
    t.match((await door.call('GET', '/payments/find/ac-2', {}, merchantC)).body.response, { cancel_amount: 300, cancel_history: [{ amount: 300 }] });

    // PortOne's own checks come first: an over-cancel or a spent payment is refused as before.
    t.match((await cancel(door, { imp_uid: partly.imp_uid, amount: 5000 })).body, { code: 1 });
    t.same((await cancel(door, { imp_uid: early.imp_uid })).body, { code: 1, message: '이미 전액취소된 주문입니다.', response: null });

    // Paid after that night's batch began: cancelled the next night, so cancellable until then.
    await door.sandbox.advance(30 * 60_000);
    const late = await onetime(door, 'ac-4');
    const lateTwin = await onetime(door, 'ac-5');
    await door.sandbox.advance(15 * 60_000);
    t.match((await cancel(door, { imp_uid: late.imp_uid })).body, { code: 0, response: { status: 'cancelled' } }, 'paid 23:30, cancelled 23:45');
    await door.sandbox.setTime(ELEVEN_PM + 24 * HOUR - 1000);
    t.equal((await cancel(door, { imp_uid: lateTwin.imp_uid, amount: 100 })).body.code, 0, 'the next day at 22:59:59');
    await door.sandbox.setTime(ELEVEN_PM + 24 * HOUR);
    t.same((await cancel(door, { imp_uid: lateTwin.imp_uid })).body, CANCELLED_AT_PG, 'the next night at 23:00');
  });

  t.test('opted in: live payments and deposited test virtual accounts are not cancelled at the PG', async (t) => {
    const door = await start({ merchants: liveOptedIn() });
    const live = await onetime(door, 'live-ac', merchantA);
    await door.sandbox.setTime(ELEVEN_PM + HOUR);
    t.match((await cancel(door, { imp_uid: live.imp_uid }, merchantA)).body, { code: 0, response: { status: 'cancelled' } });

    const tc = await start({ merchants: optedIn() });
    const due = START / 1000 + 3 * 86400;
    const account = { channel_key: 'channel-key-1', merchant_uid: 'ac-vbank', amount: 5000, vbank_code: '004', vbank_due: due, vbank_holder: '테스트상점' };
    const issued = (await tc.call('POST', '/vbanks', { json: account }, merchantC)).body.response;
    await tc.send('POST', `/sandbox/vbanks/${issued.imp_uid}/deposit`);
    await tc.sandbox.setTime(ELEVEN_PM + HOUR);
    const refund = { imp_uid: issued.imp_uid, refund_holder: '홍길동', refund_bank: '088', refund_account: '110123456789' };
    t.match((await cancel(tc, refund)).body, { code: 0, response: { status: 'cancelled', cancel_amount: 5000 } }, 'no deposit reaches a test account, so the PG cancels none');
  });
});

t.test('a merchants file without the new fields still loads: every MID live, no nightly cancel', async (t) => {
  const old = structuredClone([...defaultMerchants]).slice(0, 1) as any[];
  for (const mid of old[0].settle.mids) delete mid.sandbox;
  const sandbox = await createSandbox({ seed: 1, merchants: old });
  t.same(
    sandbox.listMerchants()[0]!.mids.map((m) => m.sandbox),
    [false, false, false],
  );
  t.equal(sandbox.listMerchants()[0]!.test_auto_cancel, false);
  const bad = structuredClone([...defaultMerchants]) as any[];
  bad[2].settle.mids[0].sandbox = 'yes';
  bad[2].settle.test_auto_cancel = 1;
  await t.rejects(createSandbox({ merchants: bad }), {
    message: 'merchants[2].settle.test_auto_cancel must be boolean (got 1); merchants[2].settle.mids[0].sandbox must be boolean (got "yes")',
  });
  await sandbox.close();
});
