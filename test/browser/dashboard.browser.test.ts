import t from 'tap';
import type { Sandbox } from '../../src/index.js';
import type { Browser, Page } from 'playwright-core';
import { merchantA } from '../helpers/doors.js';
import { webhookReceiver } from '../helpers/webhook-receiver.js';
import { assertAxe } from '../helpers/axe.js';
import { DESKTOP, fitsWidth, keep, NARROW, PHONE, servedWithBrowser, withChromium } from '../helpers/chromium.js';
import { jsonCall } from '../helpers/json-call.js';

// The dashboard at /sandbox in a real browser: every view opened, every action done through its buttons, and
// a charge made by the "merchant's server" (plain fetch here) appearing without a reload. Every view, with data in
// it, has no axe violation and fits 1280, 390 and 320 px with its buttons in sight.

withChromium(t, (launch) => {
  let browser: Browser;
  let base: string;
  let token: string;
  const errors: string[] = [];

  const call = jsonCall(() => base, () => token);
  const card = { card_number: '1234-1234-1234-1234', expiry: '2030-01', birth: '123456' };

  t.before(async () => {
    let sandbox: Sandbox;
    ({ sandbox, base, browser } = await servedWithBrowser(t, launch, 11));
    token = (await call('POST', '/users/getToken', { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret })).response.access_token;
    const receiver = await webhookReceiver(t);
    await call('PUT', `/sandbox/merchants/${merchantA.code}/webhook`, { url: receiver.url, retry: false });
    await call('POST', '/subscribe/payments/onetime', { ...card, merchant_uid: 'order-key', customer_uid: 'cust-1', amount: 12000, name: '정기구독 1개월' });
    const inAnHour = Math.floor(Date.now() / 1000) + 3600;
    const inAMonth = inAnHour + 30 * 86400;
    await call('POST', '/subscribe/payments/schedule', {
      customer_uid: 'cust-1',
      schedules: [
        { merchant_uid: 'order-sched', schedule_at: inAnHour, amount: 12000, name: '정기구독 2개월' },
        { merchant_uid: 'order-later', schedule_at: inAMonth, amount: 12000, name: '정기구독 3개월' },
      ],
    });
    // A virtual account issued through the window's API, as the checkout would.
    const opened = await call('POST', '/sandbox/window/requests', {
      merchant_code: merchantA.code,
      params: { pg: 'settle.nxca_jt_il', pay_method: 'vbank', merchant_uid: 'order-vbank', amount: 30000, name: '가상계좌 주문', buyer_tel: '010-1234-5678', company: '포트원' },
    });
    await call('POST', `/sandbox/window/requests/${opened.response.imp_uid}/approve`, { bank_code: '088' });
    await sandbox.webhooks.settle();
  });

  async function open(hash: string, viewport = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/sandbox#${hash}`);
    await page.waitForSelector(`#view[data-view="${hash.split('/')[0]}"][data-version]`);
    return page;
  }
  const rowOf = (page: Page, text: string) => page.locator('tbody tr', { hasText: text });

  t.test('payments: a charge from the server appears without a reload; filters narrow the list', async (t) => {
    const page = await open('payments');
    t.equal(await rowOf(page, 'order-key').count(), 1);
    await call('POST', '/subscribe/payments/onetime', { ...card, merchant_uid: 'order-live', amount: 3000 });
    await rowOf(page, 'order-live').waitFor();
    t.pass('the new payment appeared by polling');
    await page.selectOption('#f-status', 'ready');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    t.equal(await rowOf(page, 'order-vbank').count(), 1, 'status filter');
    await page.selectOption('#f-status', '');
    await page.fill('#f-customer-uid', 'cust-1');
    await page.press('#f-customer-uid', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    t.equal(await rowOf(page, 'order-key').count(), 1, 'customer_uid filter');
    await keep(page, 'dashboard-payments');
    await page.close();
  });

  t.test('payment detail: partial then full cancel through the control API, the webhook it sent', async (t) => {
    const page = await open('payments');
    await rowOf(page, 'order-key').locator('a').click();
    await page.waitForSelector('#cancel-form');
    t.match(await page.textContent('#view'), /12,000원/);
    t.ok(await page.locator('.delivery').count(), 'the paid webhook is listed on the payment');
    await page.fill('#cancel-amount', '2000');
    await page.fill('#cancel-reason', '부분 환불');
    // Each cancel asks first (dashboard-views.browser.test.ts dismisses one).
    page.on('dialog', (dialog) => void dialog.accept());
    await page.click('#cancel-payment');
    await page.waitForSelector('text=부분 환불');
    t.match(await page.textContent('#notice'), '2,000원 취소되었습니다.');
    await keep(page, 'dashboard-payment-detail');
    await page.click('#cancel-payment');
    await page.waitForFunction(() => !document.getElementById('cancel-form'));
    t.equal((await call('GET', '/sandbox/payments')).response.find((p: any) => p.merchant_uid === 'order-key').cancel_amount, 12000);
    await page.close();
  });

  t.test('virtual account: deposit from the detail view', async (t) => {
    const page = await open('payments');
    await rowOf(page, 'order-vbank').locator('a').click();
    await page.click('#deposit');
    await page.waitForSelector('#view .badge.s-paid');
    t.match(await page.textContent('#notice'), '입금되었습니다.');
    await page.close();
  });

  t.test('billing keys with their payments and schedules; a schedule run by moving the clock to it', async (t) => {
    const page = await open('billing-keys');
    await page.click('a:text("cust-1")');
    await page.waitForSelector('text=order-sched');
    t.equal(await rowOf(page, 'order-key').count(), 1, 'the key shows its payment');
    await keep(page, 'dashboard-billing-key');
    await page.goto(`${base}/sandbox#schedules`);
    await page.click('[data-run="order-sched"]');
    await page.waitForSelector('#view .badge.s-executed');
    // (Read through the control API: the hour the clock moved has expired the test's token.)
    t.equal((await call('GET', '/sandbox/payments')).response.find((p: any) => p.merchant_uid === 'order-sched').status, 'paid');
    await keep(page, 'dashboard-schedules');
    await page.close();
  });

  t.test('webhooks: request, attempts and a resend', async (t) => {
    const page = await open('webhooks');
    const first = page.locator('.delivery').first();
    const before = await first.locator('tbody tr').count();
    await first.locator('summary').click();
    await first.locator('[data-resend]').click();
    await page.waitForSelector('text=다시 보냈습니다: HTTP 200');
    t.equal(await page.locator('.delivery').first().locator('tbody tr').count(), before + 1);
    t.match(await page.locator('.delivery pre').first().textContent(), /"imp_uid"/);
    await keep(page, 'dashboard-webhooks');
    await page.close();
  });

  t.test('the clock: freeze, advance by a chosen amount, resume', async (t) => {
    const page = await open('clock');
    await page.click('#clock-freeze');
    await page.waitForSelector('#clock-state.s-frozen');
    const frozen = (await call('GET', '/sandbox/clock')).response.now;
    await page.fill('#advance-amount', '3');
    await page.selectOption('#advance-unit', 'hours');
    await page.click('#advance');
    await page.waitForSelector('text=시계를');
    t.equal((await call('GET', '/sandbox/clock')).response.now, frozen + 3 * 3600_000);
    await keep(page, 'dashboard-clock');
    await page.click('#clock-resume');
    await page.waitForFunction(() => !document.querySelector('#clock-state.s-frozen'));
    t.equal((await call('GET', '/sandbox/clock')).response.frozen, false);
    await page.close();
  });

  t.test('the header badge shows a clock move at once, from the answer, not from the next poll', async (t) => {
    const page = await open('clock');
    // Every poll from now on hangs: only the answers of the moves themselves can change the badge.
    await page.route('**/sandbox/changes', () => undefined);
    const badge = () => page.evaluate(() => [document.getElementById('clock-now')!.textContent, document.getElementById('clock-state')!.className]);
    // Formatted by the browser, as the dashboard does (Node's ICU writes midnight as 24:00).
    const header = (clock: { now_unix: number }) =>
      page.evaluate((unix) => {
        const options = { timeZone: 'Asia/Seoul', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
        return `${new Date(unix * 1000).toLocaleString('ko-KR', options)} KST`;
      }, clock.now_unix);
    const [frozen] = await Promise.all([page.waitForResponse(/\/sandbox\/clock\/freeze$/), page.click('#clock-freeze')]);
    const atFreeze = (await frozen.json()).response;
    await page.waitForSelector('#clock-state.s-frozen', { timeout: 1000 });
    t.same(await badge(), [await header(atFreeze), 'badge s-frozen'], 'frozen at the time the freeze answered');
    await page.fill('#advance-amount', '2');
    await page.selectOption('#advance-unit', 'days');
    const [advanced] = await Promise.all([page.waitForResponse(/\/sandbox\/clock\/advance$/), page.click('#advance')]);
    const atAdvance = (await advanced.json()).response;
    t.equal(atAdvance.now_unix, atFreeze.now_unix + 2 * 86400);
    await page.waitForFunction((text) => document.getElementById('clock-now')!.textContent === text, await header(atAdvance), { timeout: 1000 });
    t.pass('the badge moved two days with the advance');
    await page.click('#clock-resume');
    await page.waitForFunction(() => document.getElementById('clock-state')!.className === 'badge', undefined, { timeout: 1000 });
    t.equal(await page.textContent('#clock-state'), '흐르는 중');
    await page.close();
  });

  t.test('scripted outcomes and faults: add and remove', async (t) => {
    const page = await open('scripts');
    await page.fill('#o-value', 'cust-1');
    await page.fill('#o-times', '2');
    await page.click('#outcome-form button[type=submit]');
    await rowOf(page, 'cust-1').waitFor();
    t.match((await call('GET', '/sandbox/outcomes')).response, [{ customer_uid: 'cust-1', result: 'decline', remaining: 2 }]);
    await page.fill('#f-operation', 'again');
    await page.fill('#f-latency', '5');
    await page.click('#fault-form button[type=submit]');
    await page.waitForSelector('[data-fault="again"]');
    t.match((await call('GET', '/sandbox/faults')).response, [{ operation: 'again', latency_ms: 5 }]);
    await keep(page, 'dashboard-scripts');
    await page.click('#outcomes-clear');
    await page.click('[data-fault="again"]');
    await page.waitForSelector('text=주입된 장애가 없습니다.');
    await page.waitForSelector('text=지정된 결과가 없습니다.');
    t.same((await call('GET', '/sandbox/outcomes')).response, []);
    await page.close();
  });

  /** Opens another view in the same page, as a menu link does, and waits until it is filled. */
  async function showView(page: Page, hash: string): Promise<void> {
    await page.evaluate((next) => {
      document.getElementById('view')!.removeAttribute('data-version');
      location.hash = next;
    }, hash);
    await page.waitForSelector(`#view[data-view="${hash.split('/')[0]}"][data-version]`);
  }

  /** True when the element is shown whole inside the viewport's width, with no sideways scrolling. */
  const inSight = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.left >= 0 && box.right <= innerWidth;
    });

  t.test('every view, with data in it, fits a desktop, a phone and a 320-px screen and has no axe violation', async (t) => {
    await call('PUT', '/sandbox/faults/again', { latency_ms: 5 });
    await call('POST', '/sandbox/outcomes', { customer_uid: 'cust-2', result: 'decline', times: 1 });
    const paid = (await call('GET', '/sandbox/payments')).response.find((p: any) => p.merchant_uid === 'order-vbank').imp_uid;
    const views = ['merchants', 'payments', 'billing-keys', 'schedules', 'vbanks', 'tokens', 'prepared', 'receipts', 'webhooks', 'clock', 'scripts', 'state', `payments/${paid}`, 'billing-keys/cust-1'];
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE], ['320', NARROW]] as const) {
      // One page per screen, moved from view to view as the menu does (a page per view outlasts the file's time).
      const page = await open(views[0]!, viewport);
      for (const hash of views) {
        if (hash !== views[0]) await showView(page, hash);
        t.ok(await fitsWidth(page), `${hash} fits the ${name} width`);
        // (Under 600 px, 390 and 320 px share one layout: axe reads it once.)
        if (name !== '320') await assertAxe(t, page, `${hash} (${name})`);
        if (name !== '320' && !hash.includes('/')) await keep(page, `dashboard-${hash}-${name}`);
      }
      await showView(page, 'schedules');
      await rowOf(page, 'order-later').waitFor();
      t.ok(await inSight(page, 'tr:has-text("order-later") .badge'), `a schedule's status is in sight at ${name}`);
      t.ok(await inSight(page, '[data-run="order-later"]'), `「지금 실행」 is in sight at ${name}`);
      await showView(page, 'scripts');
      await page.waitForSelector('[data-fault="again"]');
      t.ok(await inSight(page, '[data-fault="again"]'), `「제거」 is in sight at ${name}`);
      await page.close();
    }
    await call('DELETE', '/sandbox/faults/again');
    await call('DELETE', '/sandbox/outcomes');
  });

  t.test('state: export downloads the snapshot, reset forgets everything', async (t) => {
    const page = await open('state');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    t.equal(download.suggestedFilename(), 'iamport-sandbox-state.json');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#reset');
    await page.waitForSelector('text=초기화했습니다.');
    t.same((await call('GET', '/sandbox/payments')).response, []);
    await page.close();
    t.same(errors, [], 'no script errors on any page');
  });
});
