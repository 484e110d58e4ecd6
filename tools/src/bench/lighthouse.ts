import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../local-stack/chromium';

class LighthouseRuntimeError extends Error {
  override name = 'LighthouseRuntimeError';
}

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
    chromePath: chromiumPath(),
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
    // Lighthouse's own failures (e.g. NO_NAVSTART, about 1 run in 13 here) score 0 without
    // having measured the page: reported as errors, so the caller can run again.
    if (lhr.runtimeError) {
      throw new LighthouseRuntimeError(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    }
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

/**
 * `runs` Lighthouse runs of the page (each in a fresh browser), the median score with every run's
 * figures: single runs on a shared machine vary by several points. A run that fails inside
 * Lighthouse is run again, up to twice.
 */
export async function lighthouseMedian(
  url: string,
  runs: number,
): Promise<{ median: LighthouseRun; runs: LighthouseRun[]; lighthouseErrors: string[] }> {
  const done: LighthouseRun[] = [];
  const lighthouseErrors: string[] = [];
  while (done.length < runs) {
    try {
      done.push(await lighthousePerformance(url));
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || lighthouseErrors.length >= 2) throw error;
      lighthouseErrors.push(error.message);
    }
  }
  const sorted = [...done].sort((a, b) => a.score - b.score);
  return {
    median: sorted[Math.floor(sorted.length / 2)] as LighthouseRun,
    runs: done,
    lighthouseErrors,
  };
}
