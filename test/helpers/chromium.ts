import { existsSync, mkdirSync } from 'node:fs';
import type { Test } from 'tap';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.js';
import { createSandbox, type Sandbox } from '../../src/index.js';

// Debian's Chromium for the page tests (no download), launched as test/browser/window.browser.test.ts does.

export const ARTIFACTS = new URL('../artifacts/', import.meta.url);
/** An iPhone 14's viewport; NARROW is the narrowest screen a page must still fit (an iPhone SE, first generation). */
export const PHONE = { width: 390, height: 844 };
export const NARROW = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 860 };

/** A desktop browser as it names itself (the SDK's rule: no Mobi, Android, iPhone, iPad or iPod → a PC). */
export const DESKTOP_BROWSER = {
  viewport: DESKTOP,
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
};
/** A phone: its user agent makes the SDK send the whole page to the checkout and back to m_redirect_url. */
export const PHONE_BROWSER = {
  viewport: PHONE,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  isMobile: true,
  hasTouch: true,
};

const executable = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const inCi = Boolean(process.env['CI']) && process.env['CI'] !== 'false';

/** Runs `body` with a browser, or skips locally / fails under CI when there is no Chromium. */
export function withChromium(t: Test, body: (launch: () => Promise<Browser>) => void): void {
  if (!executable) {
    if (inCi) t.fail('chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
    else t.pass('skipped: chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
    return;
  }
  t.setTimeout(240_000);
  body(() => chromium.launch({ executablePath: executable, args: ['--no-sandbox'] }));
}

/** A sandbox served on a free loopback port, and a browser, both closed when `t` ends. */
export async function servedWithBrowser(t: Test, launch: () => Promise<Browser>, seed: number): Promise<{ sandbox: Sandbox; base: string; browser: Browser }> {
  const sandbox = await createSandbox({ seed });
  const app = await buildApp({ sandbox });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  t.teardown(() => app.close());
  const browser = await launch();
  t.teardown(() => browser.close());
  return { sandbox, base, browser };
}

/** Keeps a screenshot in test/artifacts/ (gitignored): the full page, or what the viewport shows (a layer over it). */
export async function keep(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage });
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling of the page itself). */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
