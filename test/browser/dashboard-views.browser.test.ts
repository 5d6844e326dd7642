import t, { type Test } from 'tap';
import type { Sandbox } from '../../src/index.js';
import type { Browser, Page } from 'playwright-core';
import { assertAxe } from '../helpers/axe.js';
import { merchantA } from '../helpers/doors.js';
import { webhookReceiver } from '../helpers/webhook-receiver.js';
import { DESKTOP, keep, servedWithBrowser, withChromium } from '../helpers/chromium.js';
import { jsonCall } from '../helpers/json-call.js';

// The dashboard's views of what issue 25 found missing, in a real browser: each fed through the REST API first
// (as the merchant's server would), then read off the page; each checked with axe-core.

withChromium(t, (launch) => {
  let browser: Browser;
  let base: string;
  let token: string;
  const errors: string[] = [];
  const ids: Record<string, string> = {};

  const call = jsonCall(() => base, () => token);
  const newToken = async () => {
    token = (await call('POST', '/users/getToken', { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret }, false)).response.access_token;
  };
  const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };
  const charge = async (merchantUid: string, amount: number, customerUid?: string) => {
    const paid = await call('POST', '/subscribe/payments/onetime', { ...card, merchant_uid: merchantUid, amount, name: '상품', ...(customerUid ? { customer_uid: customerUid } : {}) });
    ids[merchantUid] = paid.response.imp_uid;
  };

  async function setUp(sandbox: Sandbox): Promise<void> {
    await newToken();
    await call('POST', '/payments/prepare', { merchant_uid: 'order-prep', amount: 5500 });
    await call('POST', '/receipts/external/ext-1', { identifier: '01012345678', identifier_type: 'phone', name: '현금 판매', amount: 7700, pg: 'settle.nxca_jt_il' });
    // One delivery that fails (nothing listens on port 9), the rest to a receiver that answers 200.
    await call('PUT', `/sandbox/merchants/${merchantA.code}/webhook`, { url: 'http://127.0.0.1:9/hook', retry: false });
    await charge('order-unreached', 1000);
    await sandbox.webhooks.settle();
    const receiver = await webhookReceiver(t);
    await call('PUT', `/sandbox/merchants/${merchantA.code}/webhook`, { url: receiver.url, retry: false });
    await charge('order-partial', 10000, 'cust-del');
    await call('POST', '/payments/cancel', { imp_uid: ids['order-partial'], amount: 3000, reason: '일부 환불' });
    await charge('order-full', 5000);
    const opened = await call('POST', '/sandbox/window/requests', {
      merchant_code: merchantA.code,
      params: { pg: 'settle.nxca_jt_il', pay_method: 'vbank', merchant_uid: 'order-vbank', amount: 30000, name: '가상계좌 주문', buyer_tel: '010-1234-5678', company: '포트원' },
    });
    await call('POST', `/sandbox/window/requests/${opened.response.imp_uid}/approve`, { bank_code: '088' });
    // A schedule whose charge the card company declines: run by moving the clock past it.
    await charge('order-fail-first', 1000, 'cust-fail');
    await call('POST', '/sandbox/outcomes', { customer_uid: 'cust-fail', result: 'decline' });
    const now = (await call('GET', '/sandbox/clock')).response.now_unix;
    await call('POST', '/subscribe/payments/schedule', { customer_uid: 'cust-fail', schedules: [{ merchant_uid: 'order-fail-sched', schedule_at: now + 60, amount: 1000, name: '정기구독' }] });
    await call('POST', '/sandbox/clock/set', { at: now + 120 });
    await sandbox.webhooks.settle();
    await newToken();
  }

  t.before(async () => {
    let sandbox: Sandbox;
    ({ sandbox, base, browser } = await servedWithBrowser(t, launch, 12));
    await setUp(sandbox);
  });

  async function open(hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: DESKTOP });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/sandbox#${hash}`);
    await page.waitForSelector(`#view[data-view="${hash.split('/')[0]}"][data-version]`);
    return page;
  }
  const rowOf = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });
  /** The page's own Korean time of UNIX seconds, as the dashboard writes it. */
  const kstIn = (page: Page, seconds: number) =>
    page.evaluate((s) => new Date(s * 1000).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }), seconds);
  const accessible = (t: Test, page: Page, name: string) => assertAxe(t, page, name);

  t.test('virtual accounts: due date and deposit state', async (t) => {
    const page = await open('vbanks');
    const row = rowOf(page, ids['order-vbank'] ?? 'order-vbank');
    const vbank = (await call('GET', '/sandbox/payments')).response.find((p: any) => p.merchant_uid === 'order-vbank');
    t.match(await row.textContent(), await kstIn(page, vbank.vbank_date), 'the due date in KST');
    t.equal(await row.locator('.badge.s-ready').textContent(), '입금 대기');
    await accessible(t, page, 'vbanks');
    await row.locator('[data-deposit]').click();
    await rowOf(page, 'order-vbank').locator('.badge.s-paid').waitFor();
    t.equal(await rowOf(page, 'order-vbank').locator('.badge').textContent(), '입금완료');
    await keep(page, 'dashboard-vbanks');
    await page.close();
  });

  t.test('access tokens: a prefix only, expiry in KST', async (t) => {
    const page = await open('tokens');
    const stored = (await call('GET', '/sandbox/state')).response.tokens.find((x: any) => x.token === token);
    const row = rowOf(page, token.slice(0, 8));
    t.equal(await row.count(), 1);
    t.match(await row.textContent(), await kstIn(page, Math.floor(stored.expires_at / 1000)), 'expiry in KST');
    t.match(await row.textContent(), '유효');
    t.notOk((await page.content()).includes(token), 'the whole token is nowhere on the page');
    t.notOk((await page.content()).includes(merchantA.imp_secret), 'nor the secret');
    await accessible(t, page, 'tokens');
    await page.close();
  });

  t.test('prepared amounts and cash receipts', async (t) => {
    let page = await open('prepared');
    t.match(await rowOf(page, 'order-prep').textContent(), '5,500원');
    await accessible(t, page, 'prepared');
    await page.close();
    page = await open('receipts');
    const row = rowOf(page, 'ext-1');
    t.match(await row.textContent(), '7,700원');
    t.match(await row.textContent(), '외부 거래');
    await accessible(t, page, 'receipts');
    await page.close();
  });

  t.test('the webhook URL is set from the merchants view', async (t) => {
    const page = await open('merchants');
    await page.fill(`#wh-url-${merchantA.code}`, 'http://127.0.0.1:9/new-hook');
    // A charge by the merchant's server while the URL is being typed leaves what was typed alone.
    await page.focus(`#wh-url-${merchantA.code}`);
    const version = await page.getAttribute('#view', 'data-version');
    await charge('order-while-typing', 1000);
    await page.waitForFunction((before) => document.getElementById('view')?.getAttribute('data-version') !== before, version);
    t.equal(await page.inputValue(`#wh-url-${merchantA.code}`), 'http://127.0.0.1:9/new-hook', 'typed text kept');
    await page.check(`#wh-retry-${merchantA.code}`);
    await page.press(`#wh-url-${merchantA.code}`, 'Enter');
    await page.waitForSelector('text=웹훅 URL을 http://127.0.0.1:9/new-hook(으)로 바꿨습니다.');
    const merchant = (await call('GET', '/sandbox/merchants')).response.find((m: any) => m.code === merchantA.code);
    t.same(merchant.webhook, { url: 'http://127.0.0.1:9/new-hook', content_type: 'json', retry: true });
    await page.waitForSelector('text=http://127.0.0.1:9/new-hook (json, 재시도)');
    await accessible(t, page, 'merchants');
    await keep(page, 'dashboard-merchants-webhook');
    await page.close();
  });

  t.test('partial cancel: its badge and amount in the list and the detail', async (t) => {
    const page = await open('payments');
    const row = rowOf(page, 'order-partial');
    t.equal(await row.locator('.badge').textContent(), '부분취소');
    t.match(await row.textContent(), '10,000원 (취소 3,000원)');
    t.equal(await rowOf(page, 'order-full').locator('.badge').textContent(), '결제완료', 'an uncancelled payment keeps its badge');
    await row.locator('a').click();
    await page.waitForSelector('#view .badge.s-partial_cancelled');
    t.match(await page.textContent('#view'), /취소된 금액\s*3,000원/);
    await page.close();
  });

  t.test('a schedule whose charge failed is shown as failed', async (t) => {
    const page = await open('schedules');
    const row = rowOf(page, 'order-fail-sched');
    t.equal(await row.locator('.badge.s-failed').textContent(), '실패');
    t.equal(await row.locator('.badge.s-executed').count(), 0, 'not a green 실행됨');
    await page.close();
  });

  t.test('a refund asks first; dismissing it sends nothing', async (t) => {
    const page = await open(`payments/${encodeURIComponent(ids['order-full'] as string)}`);
    await page.waitForSelector('#cancel-form');
    const sent: string[] = [];
    page.on('request', (request) => request.url().includes('/cancel') && sent.push(request.url()));
    const asked = page.waitForEvent('dialog');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.click('#cancel-payment');
    t.match((await asked).message(), '5,000원 취소할까요?');
    await page.waitForTimeout(300);
    t.same(sent, [], 'no cancel request');
    const paid = (await call('GET', '/sandbox/payments')).response.find((p: any) => p.merchant_uid === 'order-full');
    t.equal(paid.cancel_amount, 0);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#cancel-payment');
    await page.waitForFunction(() => !document.getElementById('cancel-form'));
    t.equal(sent.length, 1, 'accepted: sent once');
    await page.close();
  });

  t.test('webhook deliveries: one row each, filtered by text and outcome, expandable', async (t) => {
    const page = await open('webhooks');
    const all = await page.locator('.delivery').count();
    t.ok(all >= 4, 'every delivery listed');
    await page.fill('#w-text', 'order-partial');
    await page.press('#w-text', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('.delivery').length < 4);
    for (const text of await page.locator('.delivery summary').allTextContents()) t.match(text, ids['order-partial'] as string);
    await page.fill('#w-text', '');
    await page.selectOption('#w-state', 'failed');
    await page.waitForFunction(() => document.querySelectorAll('.delivery').length === 1);
    const failed = page.locator('.delivery').first();
    t.match(await failed.locator('summary').textContent(), ids['order-unreached'] as string);
    t.notOk(await failed.locator('[data-resend]').isVisible(), 'details folded');
    await failed.locator('summary').click();
    t.ok(await failed.locator('[data-resend]').isVisible(), 'details open');
    await accessible(t, page, 'webhooks');
    await keep(page, 'dashboard-webhooks-filtered');
    await page.close();
  });

  t.test('billing-key deletion; REST then answers the vendor\'s refusal', async (t) => {
    const page = await open('billing-keys/cust-del');
    await page.waitForSelector('#delete-billing-key');
    await accessible(t, page, 'billing key');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#delete-billing-key');
    await page.waitForSelector('text=빌링키 cust-del를 삭제했습니다.');
    await page.waitForSelector('text=이 빌링키는 지금 없습니다 (삭제되었거나 초기화되었습니다).');
    const answer = await call('GET', '/subscribe/customers/cust-del');
    t.equal(answer.code, 1);
    t.equal(answer.message, '요청하신 customer_uid(cust-del)로 등록된 정보를 찾을 수 없습니다.');
    t.equal(answer.response, null);
    await page.close();
  });

  t.test('the clock set to a chosen KST time', async (t) => {
    const page = await open('clock');
    await page.fill('#clock-at', '2030-03-01T09:30:15');
    await page.click('#clock-set');
    await page.waitForSelector('text=시계를');
    const at = Date.parse('2030-03-01T09:30:15+09:00') / 1000;
    t.equal((await call('GET', '/sandbox/clock')).response.now_unix, at);
    const shown = await kstIn(page, at);
    await page.waitForFunction((text) => document.getElementById('view')?.textContent?.includes(text), shown);
    t.pass(`the view shows ${shown}`);
    await accessible(t, page, 'clock');
    await keep(page, 'dashboard-clock-set');
    await page.close();
    t.same(errors, [], 'no script errors on any page');
  });
});
