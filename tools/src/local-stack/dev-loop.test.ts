import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { API_PORT } from '@mini-ecommerce/stack-model';
import { chromium } from 'playwright-core';
import { loadConfigFromFile, type ProxyOptions } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium';
import { freePort } from './free-port';
import { ROOT, runStart, type StartedShop } from './run-start';

const WEB = join(ROOT, 'apps/web');

const PROXY_ENV = ['PORT', 'API_PROXY_TARGET'] as const;

/**
 * What `nx run web:dev` runs (`vite` in apps/web), on a free port, resolved once it answers.
 * `stop()` ends it and waits for it to exit.
 */
async function startViteDev(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const viteBin = join(ROOT, 'node_modules/vite/bin/vite.js');
  const vite = spawn(process.execPath, [viteBin, '--port', String(port), '--strictPort'], {
    cwd: WEB,
    env: { ...process.env, PORT: undefined, API_PROXY_TARGET: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  vite.stdout.on('data', collect);
  vite.stderr.on('data', collect);
  const exited = new Promise((r) => vite.once('exit', r));
  const stop = async () => {
    if (vite.exitCode === null && vite.signalCode === null) vite.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || vite.exitCode !== null) {
      await stop();
      throw new Error(`the Vite dev server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, output: () => output, stop };
}

/** The proxy targets apps/web/vite.config.ts resolves with only the given variables set. */
async function proxyTargets(env: Partial<Record<(typeof PROXY_ENV)[number], string>>) {
  const saved = PROXY_ENV.map((key) => [key, process.env[key]] as const);
  for (const key of PROXY_ENV) delete process.env[key];
  Object.assign(process.env, env);
  try {
    const loaded = await loadConfigFromFile(
      { command: 'serve', mode: 'development' },
      join(WEB, 'vite.config.ts'),
      WEB,
      'silent',
    );
    const proxy = (loaded?.config.server?.proxy ?? {}) as Record<string, ProxyOptions>;
    return Object.fromEntries(Object.entries(proxy).map(([path, o]) => [path, o.target]));
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('apps/web/vite.config.ts proxy (npx nx run web:dev)', () => {
  it('targets the port npm start uses: API_PORT, PORT when set, API_PROXY_TARGET when set', async () => {
    const paths = ['/api', '/health', '/images', '/docs'];
    const byDefault = await proxyTargets({});
    expect(Object.keys(byDefault).sort()).toEqual([...paths].sort());
    for (const path of paths) expect(byDefault[path]).toBe(`http://127.0.0.1:${API_PORT}`);
    expect((await proxyTargets({ PORT: '4567' }))['/images']).toBe('http://127.0.0.1:4567');
    expect(
      (await proxyTargets({ PORT: '4567', API_PROXY_TARGET: 'http://127.0.0.1:9000' }))['/api'],
    ).toBe('http://127.0.0.1:9000');
  });
});

describe('docs/walkthrough.sh', () => {
  it('is shellcheck-clean', async () => {
    const result = await promisify(execFile)('shellcheck', [
      join(ROOT, 'docs/walkthrough.sh'),
    ]).then(
      () => 'clean',
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    expect(result).toBe('clean');
  });
});

describe('web:dev without the API', () => {
  it('answers the API paths with a 503 that says to start npm start or set API_PROXY_TARGET', async () => {
    const target = `http://127.0.0.1:${await freePort()}`;
    const vite = await startViteDev({ API_PROXY_TARGET: target });
    try {
      const response = await fetch(`${vite.url}/api/products`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({
        error: {
          code: 'UNAVAILABLE',
          message: `The API does not answer on ${target}: start it with npm start (with the same PORT) or set API_PROXY_TARGET.`,
        },
      });
    } finally {
      await vite.stop();
    }
  }, 90_000);
});

describe('the first hour, against a started local stack (npm start)', () => {
  let shop: StartedShop;

  beforeAll(async () => {
    shop = await runStart({ env: { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' } });
  }, 180_000);

  afterAll(async () => {
    await shop?.stop();
  }, 30_000);

  it('web:dev (the Vite dev server) serves the storefront with the API, its images and docs behind it', async () => {
    const vite = await startViteDev({ PORT: String(shop.port) });
    const dev = vite.url;
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox'],
    });
    try {
      expect(await (await fetch(`${dev}/`)).text()).toContain('/@vite/client');

      const health = await fetch(`${dev}/health/ready`);
      expect(health.status).toBe(200);
      const products = (await (await fetch(`${dev}/api/products?limit=3`)).json()) as {
        items: { productId: string; imageUrl?: string }[];
      };
      expect(products.items).toHaveLength(3);
      const imageUrl = products.items[0]?.imageUrl ?? '';
      expect(imageUrl).toMatch(/^\/images\//);
      const viaDev = await fetch(`${dev}${imageUrl}`);
      expect(viaDev.status).toBe(200);
      expect(viaDev.headers.get('content-type')).toMatch(/^image\//);
      const direct = await fetch(`${shop.url}${imageUrl}`);
      expect(Buffer.from(await viaDev.arrayBuffer())).toEqual(
        Buffer.from(await direct.arrayBuffer()),
      );
      const openapi = (await (await fetch(`${dev}/docs/json`)).json()) as { openapi: string };
      expect(openapi.openapi).toMatch(/^3\./);

      // The storefront itself, from Vite's module graph, shows products with their images.
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${dev}/`, { timeout: 90_000 });
      // A string: this runs in the page, and the tools project has no DOM types.
      await page.waitForFunction(
        `[...document.images].some((image) => image.complete && image.naturalWidth > 0 &&
          new URL(image.currentSrc || image.src).pathname.startsWith('/images/'))`,
        undefined,
        { timeout: 90_000 },
      );
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
      await vite.stop();
    }
  }, 240_000);

  it('docs/walkthrough.sh runs twice: it registers, then signs in, and places an order each time', async () => {
    const run = () =>
      promisify(execFile)('bash', [join(ROOT, 'docs/walkthrough.sh')], {
        cwd: ROOT,
        env: { ...process.env, API: `${shop.url}/api`, EMAIL: 'walkthrough@example.com' },
      });
    const first = await run();
    expect(first.stdout).toMatch(/registered as Ada Lovelace <walkthrough@example\.com>/);
    expect(first.stdout).toMatch(/saved a new address/);
    expect(first.stdout).toMatch(
      /order [0-9A-Z]{4}-[0-9A-Z]{4}: PLACED, total \d+ USD \(\d+\.\d\d\)/,
    );
    const second = await run();
    expect(second.stdout).toMatch(/signed in \(the account already existed\)/);
    expect(second.stdout).toMatch(/using the saved address/);
    // Both orders are listed, the newest first.
    const placed = (run: string) => /order ([0-9A-Z]{4}-[0-9A-Z]{4}): PLACED/.exec(run)?.[1];
    const listed = second.stdout.split('7. your orders')[1] ?? '';
    expect(listed.match(/^ {3}[0-9A-Z]{4}-[0-9A-Z]{4} PLACED /gm)).toHaveLength(2);
    expect(listed.indexOf(placed(second.stdout) ?? '?')).toBeLessThan(
      listed.indexOf(placed(first.stdout) ?? '?'),
    );
    expect(listed).toContain(placed(first.stdout));
    expect(second.stderr).toBe('');
  }, 120_000);

  it('docs/walkthrough.sh stops with the API error on a wrong password, never carrying on', async () => {
    const email = 'walkthrough-wrong@example.com';
    const registered = await fetch(`${shop.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'the right password', name: 'Grace' }),
    });
    expect(registered.status).toBe(201);
    const failure = await promisify(execFile)('bash', [join(ROOT, 'docs/walkthrough.sh')], {
      cwd: ROOT,
      env: { ...process.env, API: `${shop.url}/api`, EMAIL: email, PASSWORD: 'not the password' },
    }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(
      /^walkthrough: POST \/auth\/login answered 401: .*UNAUTHORIZED/,
    );
    expect(failure?.stdout).not.toMatch(/^2\./m);
  }, 60_000);
});
