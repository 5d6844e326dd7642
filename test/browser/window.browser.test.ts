import { existsSync } from 'node:fs';
import t, { type Test } from 'tap';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { createSandbox } from '../../src/index.js';
import { buildApp } from '../../src/http/app.js';
import { merchantA } from '../helpers/doors.js';
import { ARTIFACTS, DESKTOP_BROWSER, keep, PHONE_BROWSER, withChromium } from '../helpers/chromium.js';

// The whole loop in a real browser: the example merchant page loads /v1/iamport.js and calls request_pay. On a PC
// the checkout opens as a layer (an iframe) over the page and the callback gets the result; on a phone the page
// goes to the checkout and comes back to m_redirect_url. Debian's Chromium, no download.

withChromium(t, (launch) => {
  let browser: Browser;
  let base: string;
  let token: string;

  t.before(async () => {
    const sandbox = await createSandbox({ seed: 7 });
    const app = await buildApp({ sandbox });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    t.teardown(() => app.close());
    browser = await launch();
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

  /** A browser of its own (PC or phone), closed with the test; counts every page that opens besides the first. */
  async function session(t: Test, device: typeof DESKTOP_BROWSER | typeof PHONE_BROWSER): Promise<{ context: BrowserContext; extraPages: () => number }> {
    const context = await browser.newContext(device);
    t.teardown(() => context.close());
    let pages = 0;
    context.on('page', () => pages++);
    return { context, extraPages: () => pages - 1 };
  }

  /** The example page with the order form filled in. */
  async function orderPage(context: BrowserContext, fields: Record<string, string> = {}): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/sandbox/example`);
    await page.selectOption('#pg', 'settle.nxca_jt_il');
    for (const [id, value] of Object.entries(fields)) {
      if (id === 'pay_method') await page.selectOption('#pay_method', value);
      else await page.fill(`#${id}`, value);
    }
    return page;
  }

  /** Presses 결제하기 and answers the checkout frame of the layer that opens over the page. */
  async function layerOf(page: Page): Promise<Frame> {
    await page.click('#pay');
    const frame = await (await page.waitForSelector('#imp-iframe')).contentFrame();
    if (!frame) throw new Error('the layer has no frame');
    await frame.waitForURL(/\/sandbox\/window\/checkout\/imp_\d{12}$/);
    await frame.waitForSelector('#close');
    return frame;
  }

  /** Pays on a PC: `inCheckout` acts in the layer; answers the rsp the callback received, once the layer is gone. */
  async function payInLayer(page: Page, inCheckout: (checkout: Frame) => Promise<void>): Promise<any> {
    await inCheckout(await layerOf(page));
    const rsp = await callbackResult(page);
    if ((await page.locator('#imp-iframe').count()) !== 0) throw new Error('the layer is still there after the callback');
    return rsp;
  }

  async function callbackResult(page: Page): Promise<any> {
    await page.waitForSelector('#result[data-done="true"]');
    return JSON.parse((await page.textContent('#result')) ?? 'null');
  }

  t.test('PC: the checkout opens as a layer over the merchant page, no popup; the callback gets the paid rsp', async (t) => {
    const { context, extraPages } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context, { amount: '1004', name: '주문명:결제테스트' });
    const checkout = await layerOf(page);
    t.equal(await checkout.textContent('[data-testid=amount]'), '1,004원');
    t.equal(await checkout.textContent('[data-testid=name]'), '주문명:결제테스트');
    t.equal(await checkout.textContent('[data-testid=merchant]'), merchantA.name);
    const layer = await page.evaluate(() => {
      const el = document.querySelector('.iamport-sandbox-layer') as HTMLElement;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        covers: box.x === 0 && box.y === 0 && box.width === innerWidth && box.height === innerHeight,
        fixed: style.position,
        backdrop: style.backgroundColor,
        onTop: document.elementFromPoint(5, 5) === el,
        role: el.getAttribute('role'),
        scroll: document.documentElement.style.overflow,
      };
    });
    t.match(layer, { covers: true, fixed: 'fixed', backdrop: /^rgba\(.*0\.6\)$/, onTop: true, role: 'dialog', scroll: 'hidden' }, 'a full-viewport layer with a backdrop');
    await keep(page, 'checkout', false);
    await keep(page, 'checkout-layer-desktop', false);
    await checkout.click('#approve');
    const rsp = await callbackResult(page);
    t.match(rsp, { error_code: null, status: 'paid', pay_method: 'card', paid_amount: 1004, card_name: 'BC카드' });
    t.match(rsp.imp_uid, /^imp_\d{12}$/);
    t.equal(await page.locator('.iamport-sandbox-layer').count(), 0, 'the layer is removed');
    t.equal(await page.evaluate(() => document.documentElement.style.overflow), '', 'the page scrolls again');
    t.match(await payment(rsp.imp_uid), { status: 'paid', channel: 'pc', amount: 1004, pay_method: 'card' });
    t.equal(extraPages(), 0, 'no popup was opened');
    t.ok(existsSync(new URL('checkout.png', ARTIFACTS)), 'the checkout screenshot is kept');
  });

  t.test('PC: m_redirect_url given, the callback still gets the result and the page stays', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    t.ok(await page.isChecked('#redirect'), 'the example sends m_redirect_url');
    const rsp = await payInLayer(page, (checkout) => checkout.click('#approve'));
    t.match(rsp, { error_code: null, status: 'paid' });
    t.notMatch(page.url(), /imp_uid=/, 'no redirect on a PC');
  });

  t.test('card decline with a chosen reason', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const rsp = await payInLayer(page, async (checkout) => {
      await checkout.selectOption('#reason', 'limit_exceeded');
      await checkout.click('#decline');
    });
    t.match(rsp, { error_code: 'ST51', error_msg: '결제승인에 실패하였습니다. [ST51]한도초과', status: 'failed' });
    t.match(await payment(rsp.imp_uid), { status: 'failed', fail_reason: '결제승인에 실패하였습니다. [ST51]한도초과' });
  });

  t.test('a transfer declines with a bank reason: no card code or wording', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context, { pay_method: 'trans', amount: '12000' });
    const rsp = await payInLayer(page, async (checkout) => {
      const offered = await checkout.locator('#reason option').allTextContents();
      t.same(offered, ['[ST61] 잔액부족', '[ST62] 출금한도초과', '[ST63] 거래정지계좌', '[ST97] 은행 통신장애'], 'the reasons of a transfer');
      t.notMatch(await checkout.innerText('body'), /카드/, 'the checkout shows nothing of cards');
      await checkout.selectOption('#reason', 'insufficient_balance');
      await keep(page, 'checkout-trans-decline', false);
      await checkout.click('#decline');
    });
    t.match(rsp, { error_code: 'ST61', error_msg: '계좌이체에 실패하였습니다. [ST61]잔액부족', status: 'failed', pay_method: 'trans' });
    t.notMatch(rsp.error_msg, /카드/);
  });

  t.test('user cancel: the cancel button, the close button, the Escape key', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const pressed = await payInLayer(page, (checkout) => checkout.click('#cancel'));
    t.match(pressed, { error_code: 'SANDBOX_USER_CANCEL', error_msg: '사용자가 결제를 취소하셨습니다' });
    const closed = await payInLayer(page, (checkout) => checkout.click('#close'));
    t.match(closed, { error_code: 'SANDBOX_USER_CANCEL', status: 'failed' });
    t.equal((await payment(closed.imp_uid)).status, 'failed');
    const escaped = await payInLayer(page, async (checkout) => {
      await checkout.focus('#card_number');
      await page.keyboard.press('Escape');
    });
    t.match(escaped, { error_code: 'SANDBOX_USER_CANCEL' });
    t.equal(await page.evaluate(() => document.activeElement?.id), 'pay', 'the focus is back on the pay button');
  });

  t.test('vbank: issued in the window, deposited through the control call', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context, { pay_method: 'vbank', amount: '30000' });
    const rsp = await payInLayer(page, async (checkout) => {
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
  });

  t.test('phone', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context, { pay_method: 'phone', amount: '5000' });
    const rsp = await payInLayer(page, (checkout) => checkout.click('#approve'));
    t.match(rsp, { error_code: null, status: 'paid', pay_method: 'phone', buyer_tel: '010-1234-5678' });
  });

  t.test('a validation error (no buyer_tel) reaches the callback without a checkout', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context, { buyer_tel: '' });
    await page.click('#pay');
    const rsp = await callbackResult(page);
    t.match(rsp, { imp_uid: null, error_code: 'SANDBOX_PARAM', error_msg: /buyer_tel/ });
    t.equal(await page.locator('#imp-iframe').count(), 0, 'no layer opened');
  });

  t.test('a checkout opened on its own shows its result', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const opening = await post('/sandbox/window/requests', {
      merchant_code: merchantA.code,
      params: { pg: 'settle.nxca_jt_il', merchant_uid: `alone_${Date.now()}`, amount: 1000, buyer_tel: '010-1234-5678' },
    });
    const page = await context.newPage();
    await page.goto(`${base}/sandbox/window/checkout/${opening.response.imp_uid}`);
    await page.click('#approve');
    await page.waitForSelector('#done:not([hidden])');
    t.match(JSON.parse((await page.textContent('#result')) ?? 'null'), { error_code: null, status: 'paid' });
    t.ok(await page.isHidden('#checkout'), 'the form is done');
  });

  t.test('IMP.certification answers that Settle does not verify identity', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const rsp = await page.evaluate(
      () => new Promise((resolve) => (window as any).IMP.certification({ merchant_uid: 'cert_1', m_redirect_url: location.href }, resolve)),
    );
    t.same(rsp, {
      success: false,
      imp_uid: null,
      merchant_uid: 'cert_1',
      error_code: 'SANDBOX_CERTIFICATION',
      error_msg: '헥토파이낸셜(settle)은 IMP.certification 본인인증을 지원하지 않습니다. 포트원 V1 본인인증은 본인인증 채널(다날, KG이니시스 통합인증 등)로 연동하세요.',
    });
    t.equal(await page.locator('#imp-iframe').count(), 0, 'no window opens');
  });

  t.test('phone: the page goes to the checkout and comes back to m_redirect_url', async (t) => {
    const { context, extraPages } = await session(t, PHONE_BROWSER);
    const page = await orderPage(context);
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\/imp_\d{12}$/);
    await keep(page, 'checkout-mobile');
    const merchantUid = await page.textContent('[data-testid=merchant_uid]');
    await page.click('#approve');
    await page.waitForURL(/imp_success=true/);
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    t.match(query, { imp_success: 'true', imp_uid: /^imp_\d{12}$/, merchant_uid: merchantUid });
    t.match(await callbackResult(page), { imp_uid: query['imp_uid'] }, 'the example page shows what came back');
    t.match(await payment(query['imp_uid']!), { status: 'paid', channel: 'mobile' });
    t.equal(extraPages(), 0, 'no popup');
  });

  t.test('phone: a decline comes back with imp_success=false and the error', async (t) => {
    const { context } = await session(t, PHONE_BROWSER);
    const page = await orderPage(context, { pay_method: 'phone', amount: '5000' });
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\//);
    t.notMatch(await page.textContent('#reason'), /카드/, 'a phone payment offers no card reasons');
    await page.selectOption('#reason', 'monthly_limit_exceeded');
    await page.click('#decline');
    await page.waitForURL(/imp_success=false/);
    t.match(Object.fromEntries(new URL(page.url()).searchParams), {
      imp_success: 'false',
      error_code: 'ST81',
      error_msg: '휴대폰 결제에 실패하였습니다. [ST81]월 이용한도초과',
    });
  });

  t.test('phone without m_redirect_url: the checkout keeps the result (the merchant page receives none)', async (t) => {
    const { context } = await session(t, PHONE_BROWSER);
    const page = await orderPage(context);
    await page.uncheck('#redirect');
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\//);
    await page.click('#approve');
    await page.waitForSelector('#done:not([hidden])');
    t.match(await page.textContent('#done'), 'm_redirect_url이 지정되지 않아');
    t.match(JSON.parse((await page.textContent('#result')) ?? 'null'), { error_code: null, status: 'paid' });
    t.match(page.url(), /\/sandbox\/window\/checkout\/imp_\d{12}$/, 'the browser stays on the checkout');
    await keep(page, 'checkout-mobile-no-redirect');
  });

  t.test('phone: a refusal before the window goes to the callback when there is one', async (t) => {
    const { context } = await session(t, PHONE_BROWSER);
    const page = await orderPage(context, { buyer_tel: '' });
    await page.click('#pay');
    t.match(await callbackResult(page), { imp_uid: null, error_code: 'SANDBOX_PARAM' });
    t.notMatch(page.url(), /imp_uid=/, 'no redirect');
  });
});
