import { existsSync, mkdirSync } from 'node:fs';
import t from 'tap';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSandbox } from '../../src/index.js';
import { buildApp } from '../../src/http/app.js';
import { merchantA } from '../helpers/doors.js';

// The whole loop in a real browser: the example merchant page loads /v1/iamport.js, request_pay opens the
// checkout, the user acts, the result comes back by callback or m_redirect_url. Debian's Chromium, no download.

const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const executable = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const inCi = Boolean(process.env['CI']) && process.env['CI'] !== 'false';

if (!executable) {
  // CI installs it (.ci/run); there a missing browser is a failure, never a silent skip.
  if (inCi) t.fail('chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  else t.pass('skipped: chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
} else {
  t.setTimeout(180_000);
  run(executable);
}

function run(executablePath: string): void {
  let browser: Browser;
  let base: string;
  let token: string;

  t.before(async () => {
    const sandbox = await createSandbox({ seed: 7 });
    const app = await buildApp({ sandbox });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    t.teardown(() => app.close());
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    t.teardown(() => browser.close());
    const auth = await post('/users/getToken', { imp_key: merchantA.imp_key, imp_secret: merchantA.imp_secret });
    token = auth.response.access_token;
  });

  async function post(path: string, body?: unknown) {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return res.json();
  }
  const payment = async (impUid: string) =>
    (await (await fetch(`${base}/payments/${impUid}`, { headers: { authorization: `Bearer ${token}` } })).json()).response;

  /** The example page with the order form filled in. */
  async function orderPage(fields: Record<string, string> = {}): Promise<Page> {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/sandbox/example`);
    await page.selectOption('#pg', 'settle.nxca_jt_il');
    for (const [id, value] of Object.entries(fields)) {
      if (id === 'pay_method') await page.selectOption('#pay_method', value);
      else await page.fill(`#${id}`, value);
    }
    return page;
  }

  /** Presses 결제하기, lets `inCheckout` act in the popup, and returns the rsp the callback received. */
  async function payInPopup(page: Page, inCheckout: (checkout: Page) => Promise<void>): Promise<any> {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#pay')]);
    await popup.waitForURL(/\/sandbox\/window\/checkout\/imp_\d{12}$/);
    await inCheckout(popup);
    return callbackResult(page);
  }

  async function callbackResult(page: Page): Promise<any> {
    await page.waitForSelector('#result[data-done="true"]');
    return JSON.parse((await page.textContent('#result')) ?? 'null');
  }

  t.test('card approve: the checkout shows the order, the callback gets the paid rsp', async (t) => {
    const page = await orderPage({ amount: '1004', name: '주문명:결제테스트' });
    const rsp = await payInPopup(page, async (checkout) => {
      t.equal(await checkout.textContent('[data-testid=amount]'), '1,004원');
      t.equal(await checkout.textContent('[data-testid=name]'), '주문명:결제테스트');
      t.equal(await checkout.textContent('[data-testid=merchant]'), merchantA.name);
      mkdirSync(ARTIFACTS, { recursive: true });
      await checkout.screenshot({ path: new URL('checkout.png', ARTIFACTS).pathname, fullPage: true });
      await checkout.click('#approve');
    });
    t.match(rsp, { error_code: null, status: 'paid', pay_method: 'card', paid_amount: 1004, card_name: 'BC카드' });
    t.match(rsp.imp_uid, /^imp_\d{12}$/);
    t.match(await payment(rsp.imp_uid), { status: 'paid', channel: 'pc', amount: 1004, pay_method: 'card' });
    t.ok(existsSync(new URL('checkout.png', ARTIFACTS)), 'the checkout screenshot is kept');
    await page.close();
  });

  t.test('card decline with a chosen reason', async (t) => {
    const page = await orderPage();
    const rsp = await payInPopup(page, async (checkout) => {
      await checkout.selectOption('#reason', 'limit_exceeded');
      await checkout.click('#decline');
    });
    t.match(rsp, { error_code: 'ST51', error_msg: '결제승인에 실패하였습니다. [ST51]한도초과', status: 'failed' });
    t.match(await payment(rsp.imp_uid), { status: 'failed', fail_reason: '결제승인에 실패하였습니다. [ST51]한도초과' });
    await page.close();
  });

  t.test('user cancel, by the button or by closing the popup', async (t) => {
    const page = await orderPage();
    const pressed = await payInPopup(page, (checkout) => checkout.click('#cancel'));
    t.match(pressed, { error_code: 'SANDBOX_USER_CANCEL', error_msg: '사용자가 결제를 취소하셨습니다' });
    const closed = await payInPopup(page, (checkout) => checkout.close());
    t.match(closed, { error_code: 'SANDBOX_USER_CANCEL' });
    t.equal((await payment(closed.imp_uid)).status, 'failed');
    await page.close();
  });

  t.test('vbank: issued in the window, deposited through the control call', async (t) => {
    const page = await orderPage({ pay_method: 'vbank', amount: '30000' });
    const rsp = await payInPopup(page, async (checkout) => {
      await checkout.selectOption('#bank_code', '088');
      await checkout.click('#approve');
    });
    t.match(rsp, { error_code: null, status: 'ready', pay_method: 'vbank', vbank_name: '신한은행', vbank_holder: '포트원' });
    t.match(rsp.vbank_num, /^\d{14}$/);
    t.match(await payment(rsp.imp_uid), { status: 'ready', vbank_code: '088' });
    t.ok(await page.isVisible('#deposit'), 'the example page offers the deposit');
    const deposited = await post(`/sandbox/vbanks/${rsp.imp_uid}/deposit`);
    t.match(deposited, { code: 0, response: { status: 'paid' } });
    t.match(await payment(rsp.imp_uid), { status: 'paid', pay_method: 'vbank' });
    await page.close();
  });

  t.test('phone', async (t) => {
    const page = await orderPage({ pay_method: 'phone', amount: '5000' });
    const rsp = await payInPopup(page, (checkout) => checkout.click('#approve'));
    t.match(rsp, { error_code: null, status: 'paid', pay_method: 'phone', buyer_tel: '010-1234-5678' });
    await page.close();
  });

  t.test('a validation error (no buyer_tel) reaches the callback without a checkout', async (t) => {
    const page = await orderPage({ buyer_tel: '' });
    await page.click('#pay');
    const rsp = await callbackResult(page);
    t.match(rsp, { imp_uid: null, error_code: 'SANDBOX_PARAM', error_msg: /buyer_tel/ });
    await page.close();
  });

  t.test('redirect mode: the page goes to the checkout and comes back to m_redirect_url', async (t) => {
    const page = await orderPage();
    await page.check('#redirect');
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\//);
    await page.click('#approve');
    await page.waitForURL(/imp_success=true/);
    const query = await callbackResult(page);
    t.match(query, { imp_success: 'true', imp_uid: /^imp_\d{12}$/ });
    t.match(await payment(query.imp_uid), { status: 'paid', channel: 'mobile' });
    await page.close();
  });
}
