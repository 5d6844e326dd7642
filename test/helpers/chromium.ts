import { existsSync, mkdirSync } from 'node:fs';
import type { Test } from 'tap';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium for the page tests (no download), launched as test/window/browser.test.ts does.

export const ARTIFACTS = new URL('../artifacts/', import.meta.url);
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

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

/** Keeps a full-page screenshot in test/artifacts/ (gitignored). */
export async function keep(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling of the page itself). */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
