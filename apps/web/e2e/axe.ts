import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** The widths every page is checked at: a desktop window and a small phone. */
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 800 };

/** WCAG 2.1 levels A and AA. */
const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
};
const FAILING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];

// The storefront's CSP allows only same-origin scripts ("script-src 'self'"), so an inline
// <script> holding axe would be refused. axe's source is served from a same-origin URL that
// only this test's pages answer (page.route), and injected from there: the page keeps its
// real CSP, and a CSP error would still show in the console the journeys check.
const AXE_PATH = '/__e2e__/axe.min.js';
let axeSource: Promise<string> | undefined;
const routed = new WeakSet<Page>();

function loadAxeSource(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (!routed.has(page)) {
    routed.add(page);
    const body = await loadAxeSource();
    await page.route(`**${AXE_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body }),
    );
  }
  await page.addScriptTag({ url: AXE_PATH });
}

async function runAxe(page: Page): Promise<AxeResults> {
  await injectAxe(page);
  // Let a resize or a render settle before axe measures layout and colours.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  return page.evaluate(
    (options) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, options),
    RUN_OPTIONS,
  );
}

/**
 * Collects axe's serious and critical WCAG 2.1 A/AA violations over a journey: `check` runs axe
 * on the page as it is, at the desktop and the phone width (restoring the width it found), and
 * `violations` lists each one readably (page, width, rule id, impact, target, help).
 */
export function accessibilityAudit() {
  const violations: string[] = [];
  return {
    violations,
    async check(page: Page, pageName: string): Promise<void> {
      const original = page.viewportSize() ?? DESKTOP;
      const widths = original.width === PHONE.width ? [PHONE, DESKTOP] : [DESKTOP, PHONE];
      for (const viewport of widths) {
        if (page.viewportSize()?.width !== viewport.width) await page.setViewportSize(viewport);
        const results = await runAxe(page);
        for (const violation of results.violations) {
          if (!violation.impact || !FAILING_IMPACTS.includes(violation.impact)) continue;
          for (const node of violation.nodes) {
            violations.push(
              `${pageName} @ ${viewport.width}px: ${violation.id} (${violation.impact}) ` +
                `target ${JSON.stringify(node.target)}: ${violation.help} <${violation.helpUrl}>`,
            );
          }
        }
      }
      if (page.viewportSize()?.width !== original.width) await page.setViewportSize(original);
    },
  };
}
