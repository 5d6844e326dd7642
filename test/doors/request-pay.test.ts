import t from 'tap';
import { merchantA, startApp, START } from '../helpers/doors.js';

type App = Awaited<ReturnType<typeof startApp>>;

const order = (fields: Record<string, unknown> = {}) => ({
  pg: 'settle.nxca_jt_il',
  pay_method: 'card',
  merchant_uid: 'order-1',
  name: '주문명:결제테스트',
  amount: 1004,
  buyer_name: '구매자이름',
  buyer_tel: '010-1234-5678',
  company: '포트원',
  company_en: 'PortOne',
  ...fields,
});

// Browsers as their user agents name them: the SDK's PC / mobile rule reads nothing else.
const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

/** What IMP.request_pay sends to the sandbox (from a PC unless another user agent is given). */
const request = (app: App, params: Record<string, unknown>, merchant_code: string | null = merchantA.code, userAgent = 'Mozilla/5.0 test') =>
  app.send('POST', '/sandbox/window/requests', { json: { merchant_code, params }, headers: { 'user-agent': userAgent } });
const act = (app: App, impUid: string, action: string, json: unknown = {}) =>
  app.send('POST', `/sandbox/window/requests/${impUid}/${action}`, { json });
const impUidOf = (opening: { body: { response: { imp_uid: string } } }) => opening.body.response.imp_uid;

t.test('request_pay refuses what Settle refuses, before any window opens', async (t) => {
  const app = await startApp(t);
  const refusal = async (params: Record<string, unknown>, code = merchantA.code as string | null) => {
    const res = await request(app, params, code);
    t.equal(res.status, 200);
    t.equal(res.body.response.imp_uid, null);
    return res.body.response.rsp;
  };
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['another PG', order({ pg: 'nice' }), 'SANDBOX_PG', /PG 설정을 찾을 수 없습니다: nice/],
    ['a MID of no merchant', order({ pg: 'settle.nope' }), 'SANDBOX_PG', /settle\.nope/],
    ['an unsupported pay method', order({ pay_method: 'kakaopay' }), 'SANDBOX_PARAM', /지원하지 않는 결제수단입니다: kakaopay/],
    ['no buyer_tel', order({ buyer_tel: undefined }), 'SANDBOX_PARAM', /buyer_tel 파라미터는 필수입니다/],
    ['an empty buyer_tel', order({ buyer_tel: '' }), 'SANDBOX_PARAM', /buyer_tel/],
    ['vbank without company', order({ pay_method: 'vbank', company: undefined }), 'SANDBOX_PARAM', /company 파라미터는 필수입니다/],
    ['phone without company', order({ pay_method: 'phone', company: undefined }), 'SANDBOX_PARAM', /company/],
    ['phone without name', order({ pay_method: 'phone', name: undefined }), 'SANDBOX_PARAM', /name 파라미터는 필수입니다/],
    ['phone without company_en', order({ pay_method: 'phone', company_en: undefined }), 'SANDBOX_PARAM', /company_en/],
    ['amount as a string', order({ amount: '1004' }), 'SANDBOX_PARAM', /amount.*문자열이 아닌 숫자/],
    ['no amount', order({ amount: undefined }), 'SANDBOX_PARAM', /amount 파라미터는 필수입니다/],
    ['a fractional amount', order({ amount: 10.5 }), 'SANDBOX_PARAM', /amount/],
    ['no merchant_uid', order({ merchant_uid: undefined }), 'SANDBOX_PARAM', /merchant_uid/],
    ['a billing-key request', order({ customer_uid: 'cust-1' }), 'SANDBOX_BILLING_KEY', /onetime/],
    ['a foreign currency', order({ currency: 'USD' }), 'SANDBOX_PARAM', /KRW/],
    ['a non-web m_redirect_url', order({ m_redirect_url: 'javascript:alert(1)' }), 'SANDBOX_PARAM', /m_redirect_url/],
    ['a malformed vbank_due', order({ pay_method: 'vbank', vbank_due: '2026-03-10' }), 'SANDBOX_PARAM', /vbank_due/],
    ['a past vbank_due', order({ pay_method: 'vbank', vbank_due: '20260228' }), 'SANDBOX_PARAM', /입금기한/],
    ['an object where text belongs', order({ buyer_name: { first: 'a' } }), 'SANDBOX_PARAM', /buyer_name/],
  ];
  for (const [what, params, code, message] of cases) {
    const rsp = await refusal(params);
    t.equal(rsp.error_code, code, what);
    t.match(rsp.error_msg, message, what);
    t.equal(rsp.imp_uid, null, `${what}: no imp_uid`);
  }
  const noInit = await refusal(order(), null);
  t.equal(noInit.error_code, 'SANDBOX_MERCHANT', 'IMP.init was not called');
  t.match(noInit.request_id, /^req_\d+$/);
  t.same(app.sandbox.export().payments, [], 'nothing was recorded');

  const malformed = await app.send('POST', '/sandbox/window/requests', { json: { merchant_code: merchantA.code, params: 'x' } });
  t.equal(malformed.status, 400, 'a body that is not request_pay at all gets the envelope');
  t.equal(malformed.body.code, -1);
});

t.test('a card window: ready while open, paid on approve, then F1002 for the same merchant_uid', async (t) => {
  const app = await startApp(t);
  const opening = await request(app, order({ custom_data: { cart: 3 } }));
  t.same(opening.body, { code: 0, message: null, response: opening.body.response });
  t.equal(opening.body.response.mode, 'pc');
  t.match(opening.body.response.imp_uid, /^imp_\d{12}$/);
  const impUid = impUidOf(opening);

  const token = await app.tokenOf();
  const auth = { headers: { authorization: token } };
  const ready = (await app.send('GET', `/payments/${impUid}`, auth)).body.response;
  t.match(ready, { imp_uid: impUid, status: 'ready', channel: 'pc', pay_method: 'card', pg_provider: 'settle', pg_id: 'nxca_jt_il', amount: 1004, buyer_tel: '010-1234-5678', custom_data: '{"cart":3}', user_agent: 'Mozilla/5.0 test', started_at: START / 1000 });

  const page = await app.send('GET', `/sandbox/window/checkout/${impUid}`);
  t.match(page.headers['content-type'], /text\/html/);
  t.match(page.body, '1,004원');
  t.match(page.body, '주문명:결제테스트');
  t.match(page.body, merchantA.name);

  const approved = await act(app, impUid, 'approve', { card_number: '5327-1234-5678-9012', card_quota: 3 });
  t.equal(approved.status, 200);
  const { rsp, redirect_url } = approved.body.response;
  t.equal(redirect_url, null);
  t.match(rsp, { imp_uid: impUid, merchant_uid: 'order-1', error_code: null, error_msg: null, status: 'paid', paid_amount: 1004, pay_method: 'card', pg_provider: 'settle', card_name: '삼성카드', card_number: '532712******9012', card_quota: 0, pg_type: 'payment' }, 'installments apply from 50,000 KRW only');
  t.notOk('success' in rsp, 'the v1 SDK sends no success flag');
  const paid = (await app.send('GET', `/payments/${impUid}`, auth)).body.response;
  t.match(paid, { status: 'paid', card_code: '365', card_name: '삼성카드', card_number: '532712******9012', card_quota: 0, paid_at: START / 1000, receipt_url: `http://127.0.0.1:8080/sandbox/receipts/${impUid}` });
  t.match(paid.apply_num, /^\d{8}$/);
  t.match(paid.pg_tid, /^nxca_jt_il\d{20}$/);

  t.equal((await act(app, impUid, 'approve')).body.code, 1, 'a finished window cannot be approved again');
  t.same((await act(app, impUid, 'close')).body.response.rsp, rsp, 'closing a finished window tells its result again');

  const again = await request(app, order());
  t.same(again.body.response.rsp, { imp_uid: null, merchant_uid: 'order-1', request_id: again.body.response.rsp.request_id, error_code: 'F1002', error_msg: '이미 결제가 이루어진 거래건입니다.' });

  const cancelled = await app.send('POST', '/payments/cancel', { ...auth, json: { imp_uid: impUid, reason: '테스트' } });
  t.match(cancelled.body, { code: 0, response: { status: 'cancelled', cancel_amount: 1004 } }, 'window payments cancel like any other');
  t.equal((await request(app, order())).body.response.rsp.error_code, 'F1002', 'cancelled since still counts as paid');
});

t.test('카드사 선택: card_code names the company of the approval; without it the number decides; an unknown code is refused', async (t) => {
  const app = await startApp(t);
  const impUid = impUidOf(await request(app, order()));
  const view = (await app.send('GET', `/sandbox/window/requests/${impUid}`)).body.response;
  t.same(view.card_companies.map((c: { name: string }) => c.name), ['신한카드', 'KB국민카드', '삼성카드', '현대카드', '롯데카드', 'BC카드', '하나카드', '우리카드', 'NH카드', '씨티카드']);
  const unknown = await act(app, impUid, 'approve', { card_code: '999' });
  t.equal(unknown.status, 400);
  t.match(unknown.body.message, 'card_code');
  const chosen = (await act(app, impUid, 'approve', { card_code: '374' })).body.response.rsp;
  t.match(chosen, { status: 'paid', card_name: '하나카드', card_number: '941012******1234' }, 'the chosen company over the BC number');
  const token = await app.tokenOf();
  t.match((await app.send('GET', `/payments/${impUid}`, { headers: { authorization: token } })).body.response, { card_code: '374', card_name: '하나카드' });
  const declined = (await act(app, impUidOf(await request(app, order({ merchant_uid: 'order-2' }))), 'approve', { card_code: '366', card_number: '4000-0000-0000-0051' })).body.response.rsp;
  t.match(declined, { error_code: 'ST51', card_name: '신한카드' }, 'a test card still declines by its number');
});

t.test('decline, user cancel and closing the window leave failed payments a retry may follow', async (t) => {
  const app = await startApp(t);
  const declined = await act(app, impUidOf(await request(app, order())), 'decline', { reason: 'limit_exceeded' });
  t.match(declined.body.response.rsp, { error_code: 'ST51', error_msg: '결제승인에 실패하였습니다. [ST51]한도초과', status: 'failed', paid_amount: 0 });
  const unknownReason = await act(app, impUidOf(await request(app, order())), 'decline', { reason: 'bored' });
  t.equal(unknownReason.status, 400);

  const cancelled = await act(app, impUidOf(await request(app, order())), 'cancel');
  t.match(cancelled.body.response.rsp, { error_code: 'SANDBOX_USER_CANCEL', error_msg: '사용자가 결제를 취소하셨습니다', status: 'failed' });
  const closedImpUid = impUidOf(await request(app, order()));
  const closed = await act(app, closedImpUid, 'close');
  t.equal(closed.body.response.rsp.error_code, 'SANDBOX_USER_CANCEL', 'a window closed before choosing is a cancel');
  t.equal((await act(app, closedImpUid, 'close')).body.response.rsp.error_code, 'SANDBOX_USER_CANCEL', 'and says so again');

  const testCard = await act(app, impUidOf(await request(app, order())), 'approve', { card_number: '4000-0000-0000-0069' });
  t.match(testCard.body.response.rsp, { error_code: 'ST52', status: 'failed', card_number: '400000******0069' }, 'the REST test cards decline in the window too');

  const retry = await act(app, impUidOf(await request(app, order())), 'approve');
  t.equal(retry.body.response.rsp.status, 'paid', 'failed attempts do not block the merchant_uid');
  const token = await app.tokenOf();
  const failed = (await app.send('GET', '/payments/find/order-1/failed?sorting=started', { headers: { authorization: token } })).body.response;
  t.match(failed, { status: 'failed', fail_reason: '결제승인에 실패하였습니다. [ST51]한도초과', failed_at: START / 1000 });
});

t.test('declines match the pay method: no card codes or wording for a transfer, a virtual account or a phone payment', async (t) => {
  const app = await startApp(t);
  type Reason = { code: string; pg_code: string; text: string };
  const reasonsOf = async (impUid: string): Promise<Reason[]> => (await app.send('GET', `/sandbox/window/requests/${impUid}`)).body.response.decline_reasons;
  const cardReasons = await reasonsOf(impUidOf(await request(app, order({ merchant_uid: 'd-card' }))));
  t.ok(cardReasons.some((r) => r.code === 'limit_exceeded' && r.pg_code === 'ST51'), 'a card offers the card reasons');
  const cardCodes = new Set(cardReasons.map((r) => r.pg_code));

  const cases: [string, string, string, string][] = [
    ['trans', 'insufficient_balance', 'ST61', '계좌이체에 실패하였습니다. [ST61]잔액부족'],
    ['trans', 'bank_unreachable', 'ST97', '은행 요청에 실패하였습니다. [ST97]은행 통신장애'],
    ['vbank', 'bank_maintenance', 'ST71', '가상계좌 발급에 실패하였습니다. [ST71]은행 점검시간'],
    ['phone', 'monthly_limit_exceeded', 'ST81', '휴대폰 결제에 실패하였습니다. [ST81]월 이용한도초과'],
    ['phone', 'wrong_otp', 'ST83', '휴대폰 인증에 실패하였습니다. [ST83]인증번호 불일치'],
  ];
  for (const [i, [payMethod, reason, code, message]] of cases.entries()) {
    const impUid = impUidOf(await request(app, order({ pay_method: payMethod, merchant_uid: `d-${i}` })));
    const reasons = await reasonsOf(impUid);
    t.ok(reasons.length > 1, `${payMethod}: reasons of its own`);
    t.same(reasons.filter((r) => cardCodes.has(r.pg_code) || /카드/.test(r.text)), [], `${payMethod}: no card code or wording`);
    const page = ((await app.send('GET', `/sandbox/window/checkout/${impUid}`)).body as string).replace(/<script>[\s\S]*?<\/script>/g, '');
    t.notMatch(page, /카드|ST5\d/, `${payMethod}: the checkout page shows nothing of cards`);

    const cardReason = await act(app, impUid, 'decline', { reason: 'limit_exceeded' });
    t.equal(cardReason.status, 400, `${payMethod}: a card reason is refused`);
    t.match(cardReason.body.message, reason, 'the refusal lists the reasons that apply');
    const declined = (await act(app, impUid, 'decline', { reason })).body.response.rsp;
    t.match(declined, { error_code: code, error_msg: message, status: 'failed', pay_method: payMethod, paid_amount: 0 }, `${payMethod}: ${reason}`);
    t.equal((await app.call('GET', `/payments/${impUid}`)).body.response.fail_reason, message, 'stored as the fail_reason');
  }
});

t.test('a phone payment: the code typed is checked by the sandbox, any but 123456 is declined ST83', async (t) => {
  const app = await startApp(t);
  const phone = async (i: number) => impUidOf(await request(app, order({ pay_method: 'phone', merchant_uid: `otp-${i}` })));
  const wrong = await phone(1);
  const declined = (await act(app, wrong, 'approve', { otp: '000000' })).body.response.rsp;
  t.match(declined, { error_code: 'ST83', error_msg: '휴대폰 인증에 실패하였습니다. [ST83]인증번호 불일치', status: 'failed', paid_amount: 0 });
  t.equal((await app.call('GET', `/payments/${wrong}`)).body.response.status, 'failed', 'stored as failed');
  t.match((await act(app, await phone(2), 'approve', { otp: '123456' })).body.response.rsp, { error_code: null, status: 'paid' }, 'the right code');
  t.match((await act(app, await phone(3), 'approve')).body.response.rsp, { status: 'paid' }, 'no code: the test shortcut approves');
  t.equal((await act(app, await phone(4), 'approve', { otp: 'x'.repeat(17) })).status, 400, 'a code longer than any is refused');
});

t.test('a mobile browser: m_redirect_url gets imp_uid, merchant_uid, imp_success and the error', async (t) => {
  const app = await startApp(t);
  const target = 'https://shop.example/complete?from=window';
  const mobile = (params: Record<string, unknown>) => request(app, params, merchantA.code, IPHONE);
  const opening = await mobile(order({ m_redirect_url: target }));
  t.equal(opening.body.response.mode, 'mobile');
  const impUid = impUidOf(opening);
  const approved = await act(app, impUid, 'approve');
  t.equal(approved.body.response.redirect_url, `${target}&imp_uid=${impUid}&merchant_uid=order-1&imp_success=true`);
  const token = await app.tokenOf();
  t.equal((await app.send('GET', `/payments/${impUid}`, { headers: { authorization: token } })).body.response.channel, 'mobile');

  const declined = await act(app, impUidOf(await mobile(order({ merchant_uid: 'order-2', m_redirect_url: target }))), 'decline', { reason: 'insufficient_balance' });
  const url = new URL(declined.body.response.redirect_url);
  t.same(Object.fromEntries(url.searchParams), {
    from: 'window',
    imp_uid: declined.body.response.rsp.imp_uid,
    merchant_uid: 'order-2',
    imp_success: 'false',
    error_code: 'ST52',
    error_msg: '결제승인에 실패하였습니다. [ST52]잔액부족',
  });

  const refused = await mobile(order({ merchant_uid: 'order-3', buyer_tel: undefined, m_redirect_url: target }));
  const refusedUrl = new URL(refused.body.response.redirect_url);
  t.equal(refusedUrl.searchParams.get('imp_uid'), '', 'a refusal before the window has no imp_uid');
  t.equal(refusedUrl.searchParams.get('imp_success'), 'false');
  t.match(refusedUrl.searchParams.get('error_msg'), /buyer_tel/);
  t.match(refused.body.response.rsp, { imp_uid: null, error_code: 'SANDBOX_PARAM' }, 'the rsp too: a page with a callback gets that');

  const bare = await mobile(order({ merchant_uid: 'order-4' }));
  t.equal(bare.body.response.mode, 'mobile', 'no m_redirect_url: still a mobile browser');
  const bareResult = (await act(app, impUidOf(bare), 'approve')).body.response;
  t.equal(bareResult.redirect_url, null, 'nowhere to send the result: the checkout shows it');
  t.equal(bareResult.rsp.status, 'paid');
  t.equal((await app.send('GET', `/sandbox/window/requests/${impUidOf(bare)}`)).body.response.mode, 'mobile');
});

t.test('the device decides, not m_redirect_url: a PC that gives m_redirect_url still gets the callback', async (t) => {
  const app = await startApp(t);
  const target = 'https://shop.example/complete';
  const opening = await request(app, order({ m_redirect_url: target }), merchantA.code, DESKTOP_CHROME);
  t.equal(opening.body.response.mode, 'pc');
  const impUid = impUidOf(opening);
  t.equal((await app.send('GET', `/sandbox/window/requests/${impUid}`)).body.response.mode, 'pc');
  const approved = (await act(app, impUid, 'approve')).body.response;
  t.equal(approved.redirect_url, null, 'no redirect on a PC');
  t.equal((await app.call('GET', `/payments/${impUid}`)).body.response.channel, 'pc');
  const refused = await request(app, order({ merchant_uid: 'order-2', buyer_tel: undefined, m_redirect_url: target }), merchantA.code, DESKTOP_CHROME);
  t.equal(refused.body.response.redirect_url, null, 'a refusal on a PC goes to the callback only');

  const agents: [string, string, 'pc' | 'mobile'][] = [
    ['iPhone Safari', IPHONE, 'mobile'],
    ['Android Chrome', 'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36', 'mobile'],
    ['an Android tablet (no Mobi)', 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', 'mobile'],
    ['an iPad (iOS 12)', 'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1', 'mobile'],
    ['Firefox for Android', 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0', 'mobile'],
    ['Samsung Internet', 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36', 'mobile'],
    ['desktop Chrome', DESKTOP_CHROME, 'pc'],
    ['Mac Safari (and iPadOS in desktop mode)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'pc'],
    ['no user agent at all', '', 'pc'],
  ];
  for (const [i, [what, agent, device]] of agents.entries()) {
    const res = await request(app, order({ merchant_uid: `ua-${i}` }), merchantA.code, agent);
    t.equal(res.body.response.mode, device, what);
  }
});

t.test('a prepared amount binds the window', async (t) => {
  const app = await startApp(t);
  const token = await app.tokenOf();
  await app.send('POST', '/payments/prepare', { headers: { authorization: token }, json: { merchant_uid: 'order-1', amount: 5000, currency: 'KRW' } });
  const refused = (await request(app, order())).body.response.rsp;
  t.same([refused.error_code, refused.error_msg], ['SANDBOX_PREPARE', '사전등록된 결제금액(5000)과 요청 결제금액(1004)이 일치하지 않습니다.']);
  const opened = await request(app, order({ amount: 5000 }));
  t.match(opened.body.response.imp_uid, /imp_/);
});

t.test('trans, phone and vbank carry their fields; a vbank is deposited or expires with the clock', async (t) => {
  const app = await startApp(t);
  // A fresh token each time: the clock moves past a token's 30 minutes here.
  const get = async (impUid: string) => (await app.call('GET', `/payments/${impUid}`)).body.response;

  const trans = impUidOf(await request(app, order({ pay_method: 'trans', merchant_uid: 't-1' })));
  await act(app, trans, 'approve', { bank_code: '088' });
  t.match(await get(trans), { pay_method: 'trans', status: 'paid', bank_code: '088', bank_name: '신한은행', card_name: null, apply_num: '' });

  const phone = impUidOf(await request(app, order({ pay_method: 'phone', merchant_uid: 'ph-1' })));
  await act(app, phone, 'approve');
  t.match(await get(phone), { pay_method: 'phone', status: 'paid', buyer_tel: '010-1234-5678', card_name: null, bank_name: null, vbank_num: null });

  const hook = 'http://127.0.0.1:9/hook';
  const vbank = impUidOf(await request(app, order({ pay_method: 'vbank', merchant_uid: 'vb-1', vbank_due: '20260305', notice_url: hook })));
  const issued = (await act(app, vbank, 'approve', { bank_code: '004' })).body.response.rsp;
  // 2026-03-05 23:59:59 KST
  const due = Date.UTC(2026, 2, 5, 14, 59, 59) / 1000;
  t.match(issued, { error_code: null, status: 'ready', vbank_name: 'KB국민은행', vbank_holder: '포트원', vbank_date: due });
  t.match(await get(vbank), { status: 'ready', vbank_code: '004', vbank_name: 'KB국민은행', vbank_holder: '포트원', vbank_date: due, vbank_issued_at: START / 1000, paid_at: 0 });
  t.match((await get(vbank)).vbank_num, /^\d{14}$/);
  t.equal((await act(app, vbank, 'approve')).body.code, 1, 'an issued account is no longer an open window');

  await app.sandbox.advance(3600_000);
  const deposited = await app.send('POST', `/sandbox/vbanks/${vbank}/deposit`);
  t.match(deposited.body, { code: 0, response: { status: 'paid', paid_at: START / 1000 + 3600 } });
  t.equal((await app.send('POST', `/sandbox/vbanks/${vbank}/deposit`)).body.code, 1, 'deposited once');
  await app.sandbox.webhooks.settle();
  t.same(
    app.sandbox.webhooks.list().map((d) => [d.url, d.body.status]),
    [[hook, 'ready'], [hook, 'paid']],
    'issue and deposit are notified to notice_url',
  );

  const late = impUidOf(await request(app, order({ pay_method: 'vbank', merchant_uid: 'vb-2' })));
  await act(app, late, 'approve');
  t.equal((await get(late)).vbank_date, Date.UTC(2026, 2, 8, 14, 59, 59) / 1000, 'no vbank_due: the end of the 7th day');
  await app.send('POST', '/sandbox/clock/advance', { json: { days: 8 } });
  t.match(await get(late), { status: 'failed', fail_reason: '가상계좌 입금기한이 만료되었습니다.' });
  t.equal((await app.send('POST', `/sandbox/vbanks/${late}/deposit`)).body.code, 1, 'an expired account takes no deposit');
  t.equal((await app.send('POST', '/sandbox/vbanks/imp_000000000000/deposit')).status, 404);
});

t.test('the SDK, the example page and CORS', async (t) => {
  const app = await startApp(t);
  const script = await app.send('GET', '/v1/iamport.js');
  t.match(script.headers['content-type'], /javascript/);
  t.match(script.body, 'window.IMP');
  t.match(script.body, 'request_pay');
  t.match(script.body, 'certification: function', 'IMP.certification exists');
  t.match(script.body, '"error_code":"SANDBOX_CERTIFICATION"', "and carries the core's refusal");
  const example = await app.send('GET', '/sandbox/example');
  t.match(example.body, '<script src="/v1/iamport.js"></script>');
  t.match(example.body, merchantA.code);
  const preflight = await app.send('OPTIONS', '/sandbox/window/requests', { headers: { origin: 'http://shop.example', 'access-control-request-method': 'POST' } });
  t.equal(preflight.status, 204);
  t.equal(preflight.headers['access-control-allow-origin'], '*');
  t.match(preflight.headers['access-control-allow-headers'], 'content-type');
  t.equal((await request(app, order())).headers['access-control-allow-origin'], '*');
  t.equal((await app.send('GET', '/sandbox/window/checkout/imp_000000000000')).status, 404);
  // An address that can be no imp_uid is refused as the window's own operation refuses it (a 400), as a page.
  const malformed = await app.send('GET', `/sandbox/window/checkout/imp_${'0'.repeat(40)}`);
  t.equal(malformed.status, 400);
  t.match(malformed.body, '결제 정보를 찾을 수 없습니다');
});
