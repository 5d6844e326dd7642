import t from 'tap';
import { forEachDoor, merchantA, merchantB } from '../helpers/doors.js';

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

/** The keys of the vendor's Payment object (reference §3.1): every one is always present. */
const paymentKeys = [
  'amount', 'apply_num', 'bank_code', 'bank_name', 'buyer_addr', 'buyer_email', 'buyer_name', 'buyer_postcode', 'buyer_tel',
  'cancel_amount', 'cancel_history', 'cancel_reason', 'cancel_receipt_urls', 'cancelled_at', 'card_code', 'card_issuer_code',
  'card_issuer_name', 'card_name', 'card_number', 'card_publisher_code', 'card_publisher_name', 'card_quota', 'card_type',
  'cash_receipt_issued', 'channel', 'currency', 'custom_data', 'customer_uid', 'customer_uid_usage', 'deposit_history',
  'emb_pg_provider', 'escrow', 'fail_reason', 'failed_at', 'imp_uid', 'merchant_uid', 'name', 'paid_at', 'pay_method',
  'pg_id', 'pg_provider', 'pg_tid', 'promotion', 'receipt_url', 'sandbox', 'started_at', 'status', 'user_agent',
  'vbank_code', 'vbank_date', 'vbank_holder', 'vbank_issued_at', 'vbank_name', 'vbank_num',
];

forEachDoor(t, async (t, start) => {
  t.test("the seed guide's three requests: onetime, onetime issuing a billing key, again", async (t) => {
    const door = await start();
    const once = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'order_id_8237352', ...card, amount: 3000 },
    });
    t.equal(once.status, 200);
    t.equal(once.body.code, 0);
    t.equal(once.body.message, null);
    const p = once.body.response;
    t.same(Object.keys(p).sort(), paymentKeys);
    t.match(p, {
      imp_uid: /^imps_[0-9]{12}$/,
      merchant_uid: 'order_id_8237352',
      amount: 3000,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'paid',
      pay_method: 'card',
      channel: 'api',
      pg_provider: 'settle',
      pg_id: 'nxca_jt_bi',
      pg_tid: /^nxca_jt_bi[0-9]{20}$/,
      sandbox: false,
      escrow: false,
      apply_num: /^[0-9]{8}$/,
      card_number: '123412******1234',
      card_name: 'BC카드',
      card_code: '361',
      card_quota: 0,
      emb_pg_provider: null,
      customer_uid: null,
      customer_uid_usage: null,
      failed_at: 0,
      cancelled_at: 0,
      vbank_date: 0,
      fail_reason: null,
      cancel_history: [],
      cash_receipt_issued: false,
    });
    t.ok(Number.isInteger(p.paid_at) && p.paid_at > 0 && p.paid_at === p.started_at, 'times are unix seconds');
    t.match(p.receipt_url, new RegExp(`/sandbox/receipts/${p.imp_uid}$`));

    const issue = await door.call('POST', '/subscribe/payments/onetime', {
      json: { customer_uid: 'your-customer-unique-id', merchant_uid: 'order_id_8237353', ...card, amount: 3000 },
    });
    t.equal(issue.body.code, 0);
    t.match(issue.body.response, { customer_uid: 'your-customer-unique-id', customer_uid_usage: 'issue', status: 'paid' });

    const again = await door.call('POST', '/subscribe/payments/again', {
      json: { customer_uid: 'your-customer-unique-id', merchant_uid: 'order_id_8237354', amount: 3000 },
    });
    t.equal(again.status, 200);
    t.equal(again.body.code, 0);
    t.match(again.body.response, {
      imp_uid: /^imps_[0-9]{12}$/,
      status: 'paid',
      amount: 3000,
      customer_uid: 'your-customer-unique-id',
      customer_uid_usage: 'payment',
      card_number: '123412******1234',
      channel: 'api',
    });
    t.not(again.body.response.imp_uid, issue.body.response.imp_uid);
  });

  t.test('a fixed seed gives the same output, except the access token', async (t) => {
    const run = async () => {
      const door = await start({ seed: 7 });
      const token = await door.tokenOf();
      const res = await door.send('POST', '/subscribe/payments/onetime', {
        headers: { authorization: token },
        json: { merchant_uid: 'seeded', ...card, amount: 1000 },
      });
      return { token, payment: res.body.response };
    };
    const [first, second] = [await run(), await run()];
    t.same(first.payment, second.payment);
    // Tokens come from the cryptographic generator: the seed is public, so it must not give them away.
    t.not(first.token, second.token);
  });

  t.test('form bodies: numeric strings are coerced; anything else refused', async (t) => {
    const door = await start();
    const form = await door.call('POST', '/subscribe/payments/onetime', {
      form: { merchant_uid: 'form-1', card_number: '5327000011112222', expiry: '203001', amount: '5000', buyer_name: '홍길동' },
    });
    t.equal(form.body.code, 0);
    t.match(form.body.response, { amount: 5000, card_name: '삼성카드', card_code: '365', card_number: '532700******2222', buyer_name: '홍길동' });
    const words = await door.call('POST', '/subscribe/payments/onetime', {
      form: { merchant_uid: 'form-2', card_number: '5327000011112222', expiry: '203001', amount: 'lots' },
    });
    t.equal(words.status, 400);
    t.match(words.body, { code: -1, message: /^\["amount"\] 파라메터의 값이 올바르지 않습니다/, response: null });
    const jsonString = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'json-1', ...card, amount: '5000' },
    });
    t.equal(jsonString.status, 400, 'JSON callers must send a number');
    for (const amount of [0, -1, 10.5, true, null]) {
      const res = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'bad-amount', ...card, amount } });
      t.equal(res.status, 400, `amount ${JSON.stringify(amount)} is refused`);
      t.match(res.body.message, /\["amount"\]/);
    }
  });

  t.test('required fields and formats', async (t) => {
    const door = await start();
    const full = { merchant_uid: 'f-1', ...card, amount: 1000 };
    for (const field of ['merchant_uid', 'card_number', 'expiry', 'amount']) {
      const body: Record<string, unknown> = { ...full };
      delete body[field];
      const res = await door.call('POST', '/subscribe/payments/onetime', { json: body });
      t.equal(res.status, 400);
      t.same(res.body, { code: -1, message: `["${field}"] 파라메터는 필수입니다.`, response: null });
    }
    for (const [field, value] of [
      ['expiry', '2030-13'],
      ['expiry', '30-01'],
      ['card_number', '1234'],
      ['card_number', 'abcd-efgh-ijkl-mnop'],
      ['birth', '12345'],
      ['pwd_2digit', '123'],
      ['currency', 'USD'],
    ] as const) {
      const res = await door.call('POST', '/subscribe/payments/onetime', { json: { ...full, [field]: value } });
      t.equal(res.status, 400, `${field}=${value} is refused`);
      t.match(res.body.message, new RegExp(`^\\["${field}"\\]`));
    }
    for (const expiry of ['2030-01', '203001']) {
      const res = await door.call('POST', '/subscribe/payments/onetime', { json: { ...full, merchant_uid: `exp-${expiry}`, expiry } });
      t.equal(res.body.code, 0, `expiry ${expiry} is accepted`);
    }
    const business = await door.call('POST', '/subscribe/payments/onetime', { json: { ...full, merchant_uid: 'biz', birth: '1234567890' } });
    t.equal(business.body.code, 0, 'a 10-digit business number is accepted as birth');
  });

  t.test('pg: settle or settle.{MID}; anything else falls back to the default MID (reference §6.1)', async (t) => {
    const door = await start();
    const base = { ...card, amount: 1000 };
    const ok1 = await door.call('POST', '/subscribe/payments/onetime', { json: { ...base, merchant_uid: 'pg-1', pg: 'settle' } });
    t.equal(ok1.body.response.pg_id, 'nxca_jt_bi');
    const ok2 = await door.call('POST', '/subscribe/payments/onetime', {
      json: { ...base, merchant_uid: 'pg-2', pg: 'settle.nxca_ks_gu', birth: '900101', pwd_2digit: '12' },
    });
    t.equal(ok2.body.response.pg_id, 'nxca_ks_gu');
    for (const pg of ['nice', 'settle.unknown', 'settle.nxca_jt_il', 'html5_inicis.MID', 'settle.a.b', '']) {
      const res = await door.call('POST', '/subscribe/payments/onetime', { json: { ...base, merchant_uid: `pg-${pg}`, pg } });
      t.match(res.body, { code: 0, response: { status: 'paid', pg_provider: 'settle', pg_id: 'nxca_jt_bi' } }, `pg ${JSON.stringify(pg)}: the default MID`);
    }
  });

  t.test('a merchant with no key-in MID at all has no non-auth module', async (t) => {
    const windowOnly = { ...merchantA, settle: { ...merchantA.settle, default_mid: 'nxca_jt_il', mids: merchantA.settle.mids.filter((m) => m.kind === 'window') } };
    const door = await start({ merchants: [windowOnly] });
    for (const pg of [undefined, 'settle', 'settle.nxca_jt_il', 'nice']) {
      const res = await door.call('POST', '/subscribe/payments/onetime', { json: { ...card, amount: 1000, merchant_uid: `pg-${pg}`, pg } });
      t.equal(res.status, 200);
      t.same(res.body, { code: 1, message: '비인증결제모듈 사용정보를 찾을 수 없습니다.', response: null }, `pg ${pg}`);
    }
    const stored = await door.call('GET', '/payments/find/pg-nice');
    t.equal(stored.status, 404, 'a refused request stores nothing');
  });

  t.test("birth and pwd_2digit follow the MID's contract", async (t) => {
    const door = await start();
    const ks = { card_number: '4111-1111-1111-1111', expiry: '2030-01', amount: 1000, pg: 'settle.nxca_ks_gu' };
    const noBirth = await door.call('POST', '/subscribe/payments/onetime', { json: { ...ks, merchant_uid: 'ks-1', pwd_2digit: '12' } });
    t.same(noBirth.body, { code: -1, message: '카드정보 인증에 실패하였습니다. [ST58]생년월일 또는 사업자번호 누락(계약상 필수)', response: null });
    const dummy = await door.call('POST', '/subscribe/payments/onetime', {
      json: { ...ks, merchant_uid: 'ks-2', birth: '123456', pwd_2digit: '12' },
    });
    t.same(dummy.body, { code: -1, message: '카드정보 인증에 실패하였습니다. [ST55]생년월일 불일치', response: null }, 'the dummy is a wrong birth date where a real one is required');
    const noPwd = await door.call('POST', '/subscribe/payments/onetime', { json: { ...ks, merchant_uid: 'ks-3', birth: '880215' } });
    t.match(noPwd.body, { code: -1, message: /\[ST59\]/ });
    const good = await door.call('POST', '/subscribe/payments/onetime', {
      json: { ...ks, merchant_uid: 'ks-4', birth: '880215', pwd_2digit: '12' },
    });
    t.equal(good.body.code, 0);

    const bi = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'bi-1', card_number: '4111111111111111', expiry: '2030-01', amount: 1000 } });
    t.equal(bi.body.code, 0, 'a MID that needs only number and expiry takes no birth at all');
    const b = await door.call(
      'POST',
      '/subscribe/payments/onetime',
      { json: { merchant_uid: 'b-1', card_number: '4111111111111111', expiry: '2030-01', amount: 1000, birth: '123456' } },
      merchantB,
    );
    t.match(b.body, { code: -1, message: /\[ST55\]/ }, "merchant B's default MID requires a real birth date");
  });

  t.test('an expired card is declined against the sandbox clock', async (t) => {
    const door = await start();
    const expired = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'old', ...card, expiry: '2026-02', amount: 1000 },
    });
    t.same(expired.body, { code: -1, message: '카드정보 인증에 실패하였습니다. [ST56]유효기간 경과', response: null });
    const thisMonth = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'current', ...card, expiry: '2026-03', amount: 1000 },
    });
    t.equal(thisMonth.body.code, 0, 'a card is valid through its expiry month');
    await door.sandbox.setTime(Date.UTC(2026, 3, 1));
    const later = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'later', ...card, expiry: '2026-03', amount: 1000 },
    });
    t.equal(later.body.code, -1, 'and declined once the clock passes it');
  });

  t.test('a paid merchant_uid is refused and charges nothing; a failed one can be retried', async (t) => {
    const door = await start();
    const first = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'dup', ...card, amount: 1000 } });
    t.equal(first.body.code, 0);
    const second = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'dup', ...card, amount: 2000 } });
    t.same(second.body, { code: 1, message: '이미 결제가 이루어진 거래건입니다.', response: null });
    const list = await door.call('GET', '/payments?merchant_uid[]=dup');
    t.equal(list.body.response.length, 1);
    t.equal(list.body.response[0].amount, 1000);

    const declined = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'retry', card_number: '4000000000000051', expiry: '2030-01', amount: 1000 },
    });
    t.equal(declined.body.code, -1);
    const retried = await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'retry', ...card, amount: 1000 } });
    t.equal(retried.body.code, 0);
    const paid = await door.call('GET', '/payments/find/retry/paid');
    t.equal(paid.body.response.imp_uid, retried.body.response.imp_uid);
    const failed = await door.call('GET', '/payments/find/retry/failed');
    t.equal(failed.body.response.status, 'failed');

    await door.call('POST', '/subscribe/payments/onetime', { json: { merchant_uid: 'key-dup', customer_uid: 'k', ...card, amount: 1000 } });
    const againDup = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'dup', customer_uid: 'k', amount: 1000 } });
    t.same(againDup.body, { code: 1, message: '이미 결제가 이루어진 거래건입니다.', response: null }, 'again follows the same rule');
  });

  t.test('onetime with customer_uid stores the billing key; buyer_* become customer_*; a reused uid gets the new card', async (t) => {
    const door = await start();
    await door.call('POST', '/subscribe/payments/onetime', {
      json: {
        merchant_uid: 'k-1',
        customer_uid: 'cust-1',
        ...card,
        amount: 1000,
        buyer_name: '홍길동',
        buyer_email: 'hong@example.com',
        buyer_tel: '010-1234-5678',
        buyer_addr: '서울',
        buyer_postcode: '04524',
      },
    });
    const key = await door.call('GET', '/subscribe/customers/cust-1');
    t.equal(key.status, 200);
    t.match(key.body.response, {
      customer_uid: 'cust-1',
      pg_provider: 'settle',
      pg_id: 'nxca_jt_bi',
      card_number: '123412******1234',
      card_name: 'BC카드',
      customer_name: '홍길동',
      customer_email: 'hong@example.com',
      customer_tel: '010-1234-5678',
      customer_addr: '서울',
      customer_postcode: '04524',
      sandbox: false,
    });
    const inserted = key.body.response.inserted;
    await door.sandbox.advance(60_000);

    const again = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'k-2', customer_uid: 'cust-1', amount: 500 } });
    t.match(again.body.response, { buyer_name: '홍길동', buyer_email: 'hong@example.com' }, 'again falls back to the stored customer_*');

    await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'k-3', customer_uid: 'cust-1', card_number: '4092-1111-2222-3333', expiry: '2031-12', amount: 1000 },
    });
    const replaced = (await door.call('GET', '/subscribe/customers/cust-1')).body.response;
    t.equal(replaced.card_number, '409211******3333');
    t.equal(replaced.card_name, '신한카드');
    t.equal(replaced.card_type, 1);
    t.equal(replaced.inserted, inserted);
    t.equal(replaced.updated, inserted + 60);

    const declined = await door.call('POST', '/subscribe/payments/onetime', {
      json: { merchant_uid: 'k-4', customer_uid: 'cust-2', card_number: '4000000000000069', expiry: '2030-01', amount: 1000 },
    });
    t.equal(declined.body.code, -1);
    t.equal((await door.call('GET', '/subscribe/customers/cust-2')).status, 404, 'a declined charge stores no key');
  });

  t.test('again: unknown customer_uid, the same amount rules', async (t) => {
    const door = await start();
    const unknown = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'a-1', customer_uid: 'nobody', amount: 1000 } });
    t.equal(unknown.status, 200);
    t.same(unknown.body, { code: 1, message: '등록되지 않은 구매자입니다.', response: null });
    const missing = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'a-1', amount: 1000 } });
    t.same(missing.body, { code: -1, message: '["customer_uid"] 파라메터는 필수입니다.', response: null });
    const badAmount = await door.call('POST', '/subscribe/payments/again', { json: { merchant_uid: 'a-1', customer_uid: 'x', amount: 0 } });
    t.equal(badAmount.status, 400);
    const formAmount = await door.call('POST', '/subscribe/payments/again', { form: { merchant_uid: 'a-1', customer_uid: 'nobody', amount: '1000' } });
    t.equal(formAmount.body.code, 1, 'form amounts are coerced here too');
  });
});
