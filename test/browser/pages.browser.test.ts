import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { merchantA } from '../helpers/doors.js';
import { assertAxe } from '../helpers/axe.js';
import { DESKTOP, fitsWidth, keep, NARROW, PHONE, PHONE_BROWSER, servedWithBrowser, withChromium } from '../helpers/chromium.js';

// The buyer- and developer-facing pages in a real browser: the landing page, the checkout's inline errors and
// keyboard use, the receipt, an unknown checkout, the example page on a phone with a virtual account, /docs. Each
// page the sandbox renders itself has no axe violation and fits 390 and 320 px; /docs (swagger-ui, amended by its
// theme) has none either, an operation open and tried out.

withChromium(t, (launch) => {
  let browser: Browser;
  let base: string;

  t.before(async () => {
    ({ base, browser } = await servedWithBrowser(t, launch, 5));
  });

  async function open(path: string, viewport: { width: number; height: number } = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(15_000);
    await page.goto(base + path);
    return page;
  }

  /** The keys, secrets and MIDs of the landing page that are laid out on more than one line. */
  const brokenTokens = (page: Page) =>
    page.$$eval('td code', (codes) => codes.filter((code) => code.getClientRects().length > 1).map((code) => code.textContent));

  /** A window request opened through the window's API, as IMP.request_pay does. */
  async function openCheckout(params: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${base}/sandbox/window/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        merchant_code: merchantA.code,
        params: { pg: 'settle.nxca_jt_il', merchant_uid: `o_${Date.now()}_${Math.random()}`, name: '테스트 상품', buyer_tel: '010-1234-5678', ...params },
      }),
    });
    return ((await res.json()) as any).response.imp_uid;
  }

  t.test('GET /: a landing page for a browser, the envelope for an API client', async (t) => {
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE], ['320', NARROW]] as const) {
      const page = await open('/', viewport);
      t.equal(await page.textContent('[data-testid=base-url]'), base);
      t.match(await page.textContent('body'), merchantA.imp_secret, 'the credentials, as the banner prints them');
      t.ok(await page.isVisible('a[href="/sandbox"]'), 'links to the dashboard');
      t.ok(await fitsWidth(page), `fits the ${name} width`);
      t.same(await brokenTokens(page), [], `no key, secret or MID broken over lines at ${name}`);
      await assertAxe(t, page, `the landing page (${name})`);
      if (name !== '320') await keep(page, `landing-${name}`);
      await page.close();
    }
    for (const accept of [undefined, 'application/json', '*/*']) {
      const res = await fetch(`${base}/`, { headers: accept ? { accept } : {} });
      t.equal(res.status, 404, `Accept: ${accept ?? 'none'}`);
      t.match(await res.json(), { code: -1, response: null });
    }
  });

  t.test('checkout: focus on the first field, inline Korean error, Enter submits, fits 320 px', async (t) => {
    const impUid = await openCheckout({ pay_method: 'card', amount: 1000 });
    const page = await open(`/sandbox/window/checkout/${impUid}`, { width: 320, height: 640 });
    t.equal(await page.evaluate(() => document.activeElement?.id), 'card_company', 'the first field (카드사 선택) has the focus');
    t.equal(await page.locator('#card_quota').count(), 0, 'no installments under 50,000원');
    await page.fill('#card_number', '1234');
    await page.press('#card_number', 'Enter');
    await page.waitForSelector('#card_number[aria-invalid=true]');
    t.equal(await page.textContent('#card_number_error'), '카드번호는 숫자 13~19자리로 입력해 주세요.');
    t.equal(await page.getAttribute('#card_number', 'aria-describedby'), 'card_number_error');
    t.equal(await page.getAttribute('#card_number_error', 'aria-live'), 'polite');
    t.ok(await fitsWidth(page), 'nothing overflows 320 px');
    await assertAxe(t, page, 'the checkout with an error (320 px)');
    await keep(page, 'checkout-error-320');
    await page.fill('#card_number', '4000-0000-0000-0051');
    // 결제하기 sends only once the company is chosen and the terms agreed to.
    await page.selectOption('#card_company', '366');
    await page.check('#consent_all');
    const [answer] = await Promise.all([page.waitForResponse(/\/approve$/), page.press('#card_number', 'Enter')]);
    t.equal(answer.status(), 200, 'Enter submitted the form');
    const checkout = await fetch(`${base}/sandbox/window/checkout/${impUid}`);
    t.equal(checkout.headers.get('cache-control'), 'no-store');
    await page.close();
    const big = await openCheckout({ pay_method: 'card', amount: 50_000 });
    const bigPage = await open(`/sandbox/window/checkout/${big}`, PHONE);
    t.equal(await bigPage.locator('#card_quota option').count(), 5, 'installments from 50,000원');
    t.ok(await fitsWidth(bigPage), 'the checkout fits a phone');
    await assertAxe(t, bigPage, 'the checkout on a phone');
    await keep(bigPage, 'checkout-installments-phone');
    await bigPage.close();
  });

  t.test('an unknown or finished checkout is a page, not JSON', async (t) => {
    const page = await open('/sandbox/window/checkout/imp_000000000000', PHONE);
    t.match(await page.textContent('#missing'), '결제 정보를 찾을 수 없습니다');
    await assertAxe(t, page, 'an unknown checkout');
    await keep(page, 'checkout-missing-phone');
    await page.close();
    const impUid = await openCheckout({ pay_method: 'trans', amount: 2000 });
    await fetch(`${base}/sandbox/window/requests/${impUid}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const done = await open(`/sandbox/window/checkout/${impUid}`, PHONE);
    t.match(await done.textContent('#closed'), '이미 끝난 결제입니다 (결제실패)');
    await assertAxe(t, done, 'a finished checkout');
    await done.close();
  });

  t.test('example page on a phone: a virtual account is issued and deposited; its receipt says so', async (t) => {
    // A phone's user agent: the SDK sends the whole page to the checkout and back to m_redirect_url.
    const context = await browser.newContext(PHONE_BROWSER);
    t.teardown(() => context.close());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/sandbox/example`);
    t.ok(await fitsWidth(page), 'the example page fits a phone');
    await assertAxe(t, page, 'the example page (phone)');
    await keep(page, 'example-phone');
    await page.selectOption('#pg', 'settle.nxca_jt_il');
    await page.selectOption('#pay_method', 'vbank');
    await page.fill('#amount', '30000');
    t.ok(await page.isChecked('#redirect'), 'the example sends m_redirect_url');
    await page.click('#pay');
    await page.waitForURL(/\/sandbox\/window\/checkout\//);
    await page.selectOption('#bank_code', '088');
    await page.click('#approve');
    await page.waitForURL(/imp_success=true/);
    await page.waitForSelector('#deposit:not([hidden])');
    const impUid = new URL(page.url()).searchParams.get('imp_uid')!;
    await page.click('#deposit');
    await page.waitForSelector('#result:has-text("paid")');
    t.pass('deposited after the redirect');
    await assertAxe(t, page, 'the example page after the redirect');
    await page.goto(`${base}/sandbox/receipts/${impUid}`);
    const receipt = await page.textContent('[data-testid=receipt]');
    t.match(receipt, '가상계좌');
    t.match(receipt, '결제완료');
    t.match(receipt, '신한은행');
    t.ok(await fitsWidth(page), 'the receipt fits a phone');
    await assertAxe(t, page, 'the receipt (phone)');
    await keep(page, 'receipt-vbank-phone');
    await page.close();
    for (const [name, viewport] of [['desktop', DESKTOP], ['320', NARROW]] as const) {
      const other = await open(`/sandbox/receipts/${impUid}`, viewport);
      t.ok(await fitsWidth(other), `the receipt fits the ${name} width`);
      if (name === 'desktop') await assertAxe(t, other, 'the receipt (desktop)');
      await other.close();
    }
  });

  t.test('/docs: Try it out calls this server; usable on a phone', async (t) => {
    const doc = (await (await fetch(`${base}/docs/json`)).json()) as any;
    t.same(doc.servers.map((s: any) => s.url), ['/']);
    const used = new Set<string>(Object.values(doc.paths).flatMap((p: any) => Object.values(p).flatMap((o: any) => o.tags ?? [])));
    const described = new Set<string>(doc.tags.filter((tag: any) => tag.description).map((tag: any) => tag.name));
    t.same([...used].filter((tag) => !described.has(tag)), [], 'every tag is described');
    for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await open('/docs', viewport);
      await page.waitForSelector('.opblock-tag');
      const onetime = page.locator('#operations-subscribe-onetime');
      await onetime.locator('.opblock-summary-control').click();
      await onetime.locator('.opblock-body').waitFor();
      await assertAxe(t, page, `/docs (${name}, an operation open)`);
      await onetime.locator('.try-out__btn').click();
      await onetime.locator('textarea.body-param__text').waitFor();
      await onetime.locator('.btn.execute').waitFor();
      await assertAxe(t, page, `/docs (${name}, an operation being tried out)`);
      await keep(page, `docs-${name}`);
      await onetime.locator('.btn.execute').click();
      const answer = onetime.locator('.live-responses-table .response-col_description pre');
      t.match(JSON.parse((await answer.first().textContent()) ?? ''), { code: -1, message: 'Unauthorized' }, `Execute asks this server, which wants a token (${name})`);
      await page.close();
    }
  });
});
