import { existsSync } from 'node:fs';
import t, { type Test } from 'tap';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { merchantA } from '../helpers/doors.js';
import { assertAxe } from '../helpers/axe.js';
import { ARTIFACTS, DESKTOP_BROWSER, fitsWidth, keep, NARROW, PHONE_BROWSER, servedWithBrowser, withChromium } from '../helpers/chromium.js';
import { merchantSite } from '../helpers/merchant-site.js';

// The whole loop in a real browser: the example merchant page loads /v1/iamport.js and calls request_pay. On a PC
// the checkout opens as a layer (an iframe) over the page and the callback gets the result; on a phone the page
// goes to the checkout and comes back to m_redirect_url, its result then focused. Debian's Chromium, no download.
// The example page and the checkout (in the layer and on a phone) have no axe violation.

withChromium(t, (launch) => {
  let browser: Browser;
  let base: string;
  let token: string;

  t.before(async () => {
    ({ base, browser } = await servedWithBrowser(t, launch, 7));
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
    return openedLayer(page);
  }

  /** The checkout frame of the layer open (or opening) over the page. */
  async function openedLayer(page: Page): Promise<Frame> {
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
    await assertAxe(t, page, 'the example page (PC)');
    const checkout = await layerOf(page);
    await assertAxe(t, page, 'the checkout layer over the example page (PC)');
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

  t.test('the example page fits 320 px; the m_redirect_url checkbox has a 44-px target', async (t) => {
    const { context } = await session(t, { ...PHONE_BROWSER, viewport: NARROW });
    const page = await orderPage(context);
    t.ok(await fitsWidth(page), 'nothing overflows 320 px');
    const target = await page.locator('label:has(#redirect)').boundingBox();
    t.ok(target && target.width >= 44 && target.height >= 44, `the label is at least 44×44 (${target?.width}×${target?.height})`);
    await page.click('label:has(#redirect) >> text=m_redirect_url 지정');
    t.notOk(await page.isChecked('#redirect'), 'a tap on the label unchecks it');
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

  /** Calls IMP.request_pay on the page with `params` (over a valid card order); its rsp is kept as `window.rsp`. */
  async function requestPay(page: Page, params: Record<string, unknown>): Promise<void> {
    const order = { pg: 'settle.nxca_jt_il', merchant_uid: `direct_${Date.now()}`, amount: 1000, buyer_tel: '010-1234-5678', ...params };
    await page.evaluate(
      ([code, order]) => {
        const w = window as any;
        w.rsp = undefined;
        w.IMP.init(code);
        w.IMP.request_pay(order, (rsp: unknown) => (w.rsp = rsp));
      },
      [merchantA.code, order] as const,
    );
  }

  t.test('rsp.success: absent from the rsp, undefined when read, with one console warning per rsp', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await requestPay(page, {});
    await (await openedLayer(page)).click('#approve');
    await page.waitForFunction(() => (window as any).rsp !== undefined);
    const seen = await page.evaluate(() => {
      const rsp = (window as any).rsp;
      const first = rsp.success;
      const second = rsp.success;
      return { first: first === undefined, second: second === undefined, json: JSON.stringify(rsp), keys: Object.keys(rsp), spread: 'success' in { ...rsp }, cloned: 'success' in structuredClone(rsp), has: 'success' in rsp, error_code: rsp.error_code };
    });
    t.match(seen, { first: true, second: true, error_code: null }, 'an approval, whose success reads undefined');
    t.notMatch(seen.json, /success/, 'JSON.stringify(rsp) has no success');
    t.notOk(seen.keys.includes('success'), 'nor Object.keys(rsp)');
    t.notOk(seen.spread || seen.cloned, 'nor a copy of it (spread or structuredClone)');
    t.ok(seen.has, "'success' in rsp is true: the hidden accessor is there (the README's choices)");
    t.equal(warnings.length, 1, 'one warning for two reads of the same rsp');
    t.match(warnings[0], /rsp\.success is undefined.*error_code == null.*GET \/payments\/\{imp_uid\}/);
    // A refusal before the window (no buyer_tel) warns too, once for its own rsp.
    await requestPay(page, { buyer_tel: '' });
    await page.waitForFunction(() => (window as any).rsp !== undefined);
    t.equal(await page.evaluate(() => (window as any).rsp.success), undefined);
    t.equal(warnings.length, 2, 'the next rsp warns again');
  });

  t.test('custom_data: an object comes back as its JSON text, as the vendor documents (string)', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const customData = { order_id: 42, items: [{ sku: 'A-1', qty: 2 }], gift: true, note: '선물 포장' };
    await requestPay(page, { custom_data: customData });
    await (await openedLayer(page)).click('#approve');
    await page.waitForFunction(() => (window as any).rsp !== undefined);
    const rsp = await page.evaluate(() => (window as any).rsp);
    t.equal(typeof rsp.custom_data, 'string', 'a string, not an object');
    t.equal(rsp.custom_data, JSON.stringify(customData), 'the JSON text of what was passed');
    t.same(JSON.parse(rsp.custom_data), customData);
    t.equal((await payment(rsp.imp_uid)).custom_data, rsp.custom_data, 'as GET /payments/{imp_uid} answers it');
    await requestPay(page, { custom_data: 'plain text' });
    await (await openedLayer(page)).click('#approve');
    await page.waitForFunction(() => (window as any).rsp !== undefined);
    t.equal(await page.evaluate(() => (window as any).rsp.custom_data), 'plain text', 'a string is kept as it is');
  });

  /** Where the focus is: the top document's element, and in the checkout frame whether it has it and on what. */
  const focusOf = async (page: Page, checkout: Frame) => ({
    page: await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName),
    frame: await checkout.evaluate(() => (document.hasFocus() ? document.activeElement?.id || document.activeElement?.tagName : 'none')),
  });

  /** A card checkout's controls after its first (카드사 선택) in Tab order: the steps, pay and cancel, the shortcuts, close. */
  const CARD_TAB_ORDER = ['card_number', 'consent_all', 'consent_terms', 'consent_privacy', 'consent_third', 'pay_button', 'cancel', 'approve', 'reason', 'decline', 'close', 'card_company'];

  /** The checkout control focused after each of `presses` presses of `key`; fails when the focus leaves the frame. */
  async function walk(page: Page, checkout: Frame, key: string, presses: number): Promise<string[]> {
    const seen: string[] = [];
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      const focus = await focusOf(page, checkout);
      if (focus.page !== 'imp-iframe') throw new Error(`${key} left the layer for #${focus.page}`);
      seen.push(focus.frame ?? 'none');
    }
    return seen;
  }

  t.test('PC layer is modal: the first field has the focus, Tab and Shift+Tab cycle inside, Escape cancels', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    await page.focus('#pay');
    const checkout = await layerOf(page);
    await checkout.waitForFunction(() => document.hasFocus() && document.activeElement?.id === 'card_company');
    t.same(await focusOf(page, checkout), { page: 'imp-iframe', frame: 'card_company' }, 'the first field (카드사 선택) has the focus on open');
    t.same(await walk(page, checkout, 'Tab', 13), [...CARD_TAB_ORDER, 'card_number'], 'Tab goes round inside, from the last control to the first');
    await checkout.focus('#card_company');
    t.same(await walk(page, checkout, 'Shift+Tab', 13), [...CARD_TAB_ORDER.slice(0, -1).reverse(), 'card_company', 'close'], 'Shift+Tab too');
    // The layer, its frame included (the example page behind it is the merchant's, not the layer's).
    await assertAxe(t, page, 'the open layer', 'minor', '.iamport-sandbox-layer');
    await page.keyboard.press('Escape');
    t.match(await callbackResult(page), { error_code: 'SANDBOX_USER_CANCEL', error_msg: '사용자가 결제를 취소하셨습니다', status: 'failed' });
    t.equal(await page.locator('#imp-iframe').count(), 0, 'the layer is gone');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'pay', 'the focus is back on the button that opened it');
  });

  t.test('PC layer over a merchant page of another origin: the trap holds across the frame, Escape from the page', async (t) => {
    const merchant = await merchantSite(base);
    t.teardown(merchant.close);
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(merchant.url);
    await page.click('#m_pay');
    const checkout = await openedLayer(page);
    t.not(new URL(checkout.url()).origin, new URL(page.url()).origin, 'the checkout is cross-origin to the page');
    await checkout.waitForFunction(() => document.hasFocus() && document.activeElement?.id === 'card_company');
    t.same(await walk(page, checkout, 'Tab', 12), CARD_TAB_ORDER, 'Tab wraps inside the frame');
    t.same(await walk(page, checkout, 'Shift+Tab', 1), ['close'], 'Shift+Tab from the first control wraps to the last');
    // A click on the backdrop leaves the focus on the page behind; the next Tab still lands in the checkout.
    await page.mouse.click(5, 5);
    t.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the backdrop took the focus out');
    await page.keyboard.press('Tab');
    // Focus crosses into a frame of another site in its own process, so it may arrive a moment after the key.
    const into = await page
      .waitForFunction(() => document.activeElement?.id === 'imp-iframe', undefined, { timeout: 5_000 })
      .then(() => 'imp-iframe', async () => (await focusOf(page, checkout)).page);
    t.equal(into, 'imp-iframe', 'Tab from the page behind goes back into the layer, not the form');
    await page.mouse.click(5, 5);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).rsp !== undefined);
    t.match(await page.evaluate(() => (window as any).rsp), { error_code: 'SANDBOX_USER_CANCEL', status: 'failed' }, 'Escape on the page behind cancels');
    t.equal(await page.locator('#imp-iframe').count(), 0, 'the layer is gone');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'm_pay', 'the focus is back on the opener');
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
    await assertAxe(t, page, 'the checkout on a phone');
    await keep(page, 'checkout-mobile');
    const merchantUid = await page.textContent('[data-testid=merchant_uid]');
    await page.click('#approve');
    await page.waitForURL(/imp_success=true/);
    const query = Object.fromEntries(new URL(page.url()).searchParams);
    t.match(query, { imp_success: 'true', imp_uid: /^imp_\d{12}$/, merchant_uid: merchantUid });
    t.match(await callbackResult(page), { imp_uid: query['imp_uid'] }, 'the example page shows what came back');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'result', 'the focus is on the result');
    t.match(await page.evaluate(() => [document.getElementById('result')!.getAttribute('role'), document.getElementById('result')!.getAttribute('aria-live')]), ['status', 'polite'], 'the result is announced');
    t.ok(await page.evaluate(() => {
      const box = document.getElementById('result')!.getBoundingClientRect();
      return box.top >= 0 && box.top < innerHeight;
    }), 'the result is scrolled into view');
    await assertAxe(t, page, 'the example page after the redirect');
    await keep(page, 'example-redirected-phone', false);
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

  // Hecto's steps: 카드사 선택, the terms, a phone's carrier and code. 결제하기 sends nothing until they are right;
  // the shortcuts (바로 승인, 선택한 사유로 거절) skip them, as the tests above use them.

  /** Counts the approve and decline calls the page (its frames included) sends. */
  function sentCalls(page: Page): () => string[] {
    const sent: string[] = [];
    page.on('request', (request) => /\/(approve|decline)$/.test(request.url()) && sent.push(request.url()));
    return () => sent;
  }
  const impUidOf = (checkout: Frame | Page) => checkout.url().split('/').pop()!;

  t.test('card: 결제하기 without a company or consent shows the errors and sends nothing; the chosen company is the payment\'s', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const sent = sentCalls(page);
    const checkout = await layerOf(page);
    await checkout.click('#pay_button');
    await checkout.waitForSelector('#card_company[aria-invalid=true]');
    t.equal(await checkout.textContent('#card_company_error'), '카드사를 선택해 주세요.');
    t.equal(await checkout.getAttribute('#card_company', 'aria-describedby'), 'card_company_error');
    t.equal(await checkout.textContent('#consent_error'), '필수 약관에 모두 동의해 주세요.');
    for (const id of ['consent_terms', 'consent_privacy', 'consent_third']) {
      t.match(await checkout.evaluate((id) => [document.getElementById(id)!.getAttribute('aria-invalid'), document.getElementById(id)!.getAttribute('aria-describedby')], id), ['true', 'consent_error'], `#${id} is marked`);
    }
    t.equal(await checkout.evaluate(() => document.activeElement?.id), 'card_company', 'the focus is on the first fault');
    t.same(sent(), [], 'nothing was sent');
    t.equal((await payment(impUidOf(checkout))).status, 'ready', 'the payment still waits');
    await assertAxe(t, page, 'the checkout layer with step errors (PC)');
    await keep(page, 'checkout-steps-errors-desktop', false);
    await checkout.selectOption('#card_company', '366');
    t.equal(await checkout.getAttribute('#card_company', 'aria-invalid'), 'false', 'a choice clears the fault');
    t.equal(await checkout.textContent('#card_company_error'), '');
    await checkout.check('#consent_terms');
    t.equal(await checkout.getAttribute('#consent_terms', 'aria-invalid'), 'false', 'a box checked is no longer marked');
    t.equal(await checkout.getAttribute('#consent_privacy', 'aria-invalid'), 'true', 'the others still are');
    await checkout.check('#consent_all');
    t.same(await checkout.$$eval('[data-consent]', (boxes) => boxes.map((b) => (b as HTMLInputElement).checked)), [true, true, true], '전체 동의 checks all');
    t.equal(await checkout.textContent('#consent_error'), '', 'the consent error is gone');
    await checkout.uncheck('#consent_privacy');
    t.notOk(await checkout.isChecked('#consent_all'), '전체 동의 follows an item cleared');
    await checkout.check('#consent_privacy');
    t.ok(await checkout.isChecked('#consent_all'), 'and an item checked again');
    await keep(page, 'checkout-steps-card-desktop', false);
    await checkout.click('#pay_button');
    const rsp = await callbackResult(page);
    t.match(rsp, { error_code: null, status: 'paid', pay_method: 'card', card_name: '신한카드' }, 'the chosen company, not the BC number\'s');
    t.match(await payment(rsp.imp_uid), { status: 'paid', card_code: '366', card_name: '신한카드', card_number: /^9410/ });
    t.equal(sent().length, 1, 'one call, the approval');
  });

  t.test('card on a phone: the steps by keyboard, no violation, 320 px', async (t) => {
    const { context } = await session(t, PHONE_BROWSER);
    const page = await orderPage(context);
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\/imp_\d{12}$/);
    t.equal(await page.evaluate(() => document.activeElement?.id), 'card_company', '카드사 선택 comes first');
    await page.keyboard.press('ArrowDown');
    t.equal(await page.inputValue('#card_company'), '366', 'the arrow key chooses the first company');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    t.ok(await page.isChecked('#consent_third'), 'Space on 전체 동의 checks all');
    await assertAxe(t, page, 'the checkout steps on a phone');
    await keep(page, 'checkout-steps-card-mobile');
    await page.setViewportSize(NARROW);
    t.ok(await fitsWidth(page), 'nothing overflows 320 px');
    await page.focus('#consent_third');
    await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'pay_button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/imp_success=true/);
    t.match(await payment(new URL(page.url()).searchParams.get('imp_uid')!), { status: 'paid', card_code: '366', card_name: '신한카드' });
  });

  t.test('the shortcut 바로 승인 skips the terms and sends a company when one is chosen', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context);
    const rsp = await payInLayer(page, async (checkout) => {
      await checkout.selectOption('#card_company', '381');
      await checkout.click('#approve');
    });
    t.match(rsp, { error_code: null, status: 'paid', card_name: 'KB국민카드' });
  });

  /** The phone steps: carrier, birth date, 인증번호 받기, the code and the terms (the number is buyer_tel's). */
  async function verifyPhone(checkout: Frame | Page, code: string): Promise<void> {
    await checkout.selectOption('#carrier', 'SKT');
    await checkout.fill('#birth', '900101');
    await checkout.click('#send_code');
    await checkout.fill('#otp', code);
    await checkout.check('#consent_all');
    await checkout.click('#pay_button');
  }

  t.test('phone (PC): carrier, 인증번호 받기 with the code shown, the right code approves, a wrong one declines ST83', async (t) => {
    const { context } = await session(t, DESKTOP_BROWSER);
    const page = await orderPage(context, { pay_method: 'phone', amount: '5000' });
    const sent = sentCalls(page);
    const checkout = await layerOf(page);
    t.equal(await checkout.inputValue('#phone_number'), '010-1234-5678', 'the number starts as buyer_tel');
    await checkout.click('#send_code');
    t.equal(await checkout.textContent('#carrier_error'), '통신사를 선택해 주세요.');
    t.equal(await checkout.textContent('#birth_error'), '생년월일을 입력해 주세요.');
    t.ok(await checkout.isHidden('#otp_box'), 'no code before the fields are right');
    await checkout.check('#consent_all');
    await checkout.click('#pay_button');
    t.equal(await checkout.evaluate(() => document.activeElement?.id), 'carrier', '결제하기 before the code: the first fault has the focus');
    t.match(await checkout.textContent('#otp_sent'), '인증번호 받기를 눌러');
    t.same(sent(), [], 'nothing was sent');
    await checkout.selectOption('#carrier', 'MVNO');
    t.ok(await checkout.isVisible('#mvno_box'), '알뜰폰 offers its network');
    await checkout.selectOption('#mvno', 'KT');
    await checkout.fill('#birth', '900101');
    await checkout.click('#send_code');
    t.match(await checkout.textContent('#otp_sent'), '인증번호 123456을(를) 보냈습니다');
    t.match(await checkout.textContent('#otp_note'), '언제나 123456');
    t.equal(await checkout.evaluate(() => document.activeElement?.id), 'otp', 'the focus goes to the code');
    await assertAxe(t, page, 'the phone steps in the layer (PC)');
    await keep(page, 'checkout-steps-phone-desktop', false);
    await checkout.fill('#otp', '123456');
    await checkout.click('#pay_button');
    t.match(await callbackResult(page), { error_code: null, status: 'paid', pay_method: 'phone', buyer_tel: '010-1234-5678' }, 'the right code approves');
    const wrong = await payInLayer(page, (checkout) => verifyPhone(checkout, '654321'));
    t.match(wrong, { error_code: 'ST83', error_msg: '휴대폰 인증에 실패하였습니다. [ST83]인증번호 불일치', status: 'failed', pay_method: 'phone' }, 'a wrong code declines');
    t.match(await payment(wrong.imp_uid), { status: 'failed', fail_reason: '휴대폰 인증에 실패하였습니다. [ST83]인증번호 불일치' });
  });

  t.test('phone on a phone: the code steps fit 320 px, no violation; a wrong code comes back as ST83', async (t) => {
    const { context } = await session(t, PHONE_BROWSER);
    const page = await orderPage(context, { pay_method: 'phone', amount: '5000' });
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\//);
    await page.selectOption('#carrier', 'MVNO');
    await page.fill('#birth', '900101');
    await page.click('#send_code');
    await assertAxe(t, page, 'the phone steps on a phone');
    await keep(page, 'checkout-steps-phone-mobile');
    await page.setViewportSize(NARROW);
    t.ok(await fitsWidth(page), 'nothing overflows 320 px');
    await verifyPhone(page, '000000');
    await page.waitForURL(/imp_success=false/);
    t.match(Object.fromEntries(new URL(page.url()).searchParams), {
      imp_success: 'false',
      error_code: 'ST83',
      error_msg: '휴대폰 인증에 실패하였습니다. [ST83]인증번호 불일치',
    });
  });
});
