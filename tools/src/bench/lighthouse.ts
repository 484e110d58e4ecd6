import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** Debian's Chromium; the project never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LighthouseRun {
  score: number;
  metrics: Record<string, string>;
  /** Every script the page downloaded until the network was quiet (lazy chunks included). */
  scripts: string[];
}

/**
 * Lighthouse's performance category for a page, with its default mobile emulation and
 * simulated throttling, in headless Chromium. Network features the closed machine refuses are off.
 */
export async function lighthousePerformance(url: string): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    const requests =
      (
        lhr.audits['network-requests']?.details as {
          items?: { url: string; resourceType?: string }[];
        }
      )?.items ?? [];
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      metrics: {
        FCP: metric('first-contentful-paint'),
        LCP: metric('largest-contentful-paint'),
        TBT: metric('total-blocking-time'),
        CLS: metric('cumulative-layout-shift'),
      },
      scripts: requests.filter((r) => r.resourceType === 'Script').map((r) => r.url),
    };
  } finally {
    chrome.kill();
  }
}
