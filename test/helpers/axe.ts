import type { Test } from 'tap';
import type { Page } from 'playwright-core';
import axe from 'axe-core';

// axe-core in the page tests: every rule axe runs by default (no tag filter), in the page and in every frame of it
// (the checkout layer is an iframe, cross-origin or not: a frame is checked only when axe runs in it too), run from
// the top document. Evaluated rather than added as a script tag, so a page's CSP cannot stop it.

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** axe's violations in `selector` (the whole page by default, frames included) as it is now. */
async function axeViolations(page: Page, selector?: string): Promise<Violation[]> {
  for (const frame of page.frames()) if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axe.source);
  return page.evaluate(async (include) => {
    const found = await (window as unknown as { axe: typeof axe }).axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
      iframes: true,
    });
    return found.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, selector);
}

/**
 * Asserts that axe finds nothing of at least `impact` ("minor": nothing at all) on `page` (or in `selector`),
 * naming the rules it finds.
 */
export async function assertAxe(t: Test, page: Page, name: string, impact: 'minor' | 'critical' = 'minor', selector?: string): Promise<void> {
  const found = (await axeViolations(page, selector)).filter((v) => impact === 'minor' || v.impact === 'critical');
  const summary = found.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).join(', ')}`);
  t.same(summary, [], `axe: no ${impact === 'minor' ? '' : 'critical '}violation on ${name}${found.length ? `: ${found.map((v) => v.id).join(', ')}` : ''}`);
}
