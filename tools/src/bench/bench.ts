/**
 * `npm run bench`: measures the budgets of SPEC section 7 on the local stack and prints one table.
 * It starts everything it measures (DynamoDB Local in a temporary directory, the API as a child
 * process, a bare Fastify server as the yardstick), writes bench-report.json and exits non-zero
 * when a budget is missed. Everything listens on 127.0.0.1 and is stopped at the end, on failure
 * and on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, sampleResidentMemory } from './api-process';
import {
  auditCheckout,
  allProducts,
  checkout,
  fillCarts,
  mapConcurrent,
  planShoppers,
  registerShoppers,
} from './checkout';
import { initialJs } from './initial-js';
import { lighthousePerformance } from './lighthouse';
import { combine, runLoad, type LoadFigures } from './load';
import { LOAD_TEST_TMP, startLoadTestStack, type LoadTestStack } from './load-test-stack';
import { runNpmStart } from './npm-start';
import { buildWeb, webBuildIsStale } from '../local-stack/web-build';

const CONNECTIONS = 50;
const CATALOG_ROUNDS = 2;
const CATALOG_SECONDS = 5;
const DETAIL_SECONDS = 5;
const CART_SHOPPERS = 1600;
const LINES_PER_CART = 3;
const SCARCE_PRODUCTS = 3;
const SCARCE_STOCK = 30;
const PLENTIFUL_STOCK = 100_000;

const MB = 1024 * 1024;
const WEB_DIST = join(ROOT, 'apps/web/dist');

interface Row {
  budget: string;
  measured: string;
  target: string;
  /** undefined: reported, no budget in SPEC 7. */
  pass?: boolean;
}

const started = performance.now();
const log = (message: string) =>
  console.log(`[bench +${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()?.();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
  }
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping what the bench started`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function startBareServer(body: string): Promise<{ url: string; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'mini-ecommerce-bare-'));
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  const child = spawn(
    process.execPath,
    [
      '--conditions=@mini-ecommerce/source',
      '--import',
      'tsx',
      join(ROOT, 'tools/src/bench/bare-server.ts'),
      bodyFile,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    void exited.then(() => reject(new Error('the bare server exited')));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function measureCatalog(stack: LoadTestStack) {
  const categories = (await (await fetch(`${stack.url}/api/categories`)).json()) as {
    items: { category: string }[];
  };
  const category = categories.items[0]?.category as string;
  const path = `/api/products?category=${encodeURIComponent(category)}&limit=20`;
  const body = await (await fetch(`${stack.url}${path}`)).text();
  const bare = await startBareServer(body);
  const target = (url: string) => ({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    expectBody: body,
  });
  log(
    `catalog: GET ${path} (${fmt(body.length)} bytes), API and bare Fastify alternately, ${CATALOG_ROUNDS} × ${CATALOG_SECONDS} s each`,
  );
  await runLoad({ ...target(bare.url), duration: 1 });
  await runLoad({ ...target(stack.url), duration: 2 });
  const apiRuns: LoadFigures[] = [];
  const bareRuns: LoadFigures[] = [];
  for (let round = 0; round < CATALOG_ROUNDS; round += 1) {
    bareRuns.push(await runLoad({ ...target(bare.url), duration: CATALOG_SECONDS }));
    apiRuns.push(await runLoad({ ...target(stack.url), duration: CATALOG_SECONDS }));
  }
  return { path, bodyBytes: body.length, api: combine(apiRuns), bare: combine(bareRuns) };
}

async function measureProductDetail(stack: LoadTestStack, productIds: string[]) {
  log(
    `product detail: GET /api/products/:id over ${productIds.length} products, ${DETAIL_SECONDS} s`,
  );
  let next = 0;
  return runLoad({
    url: stack.url,
    connections: CONNECTIONS,
    duration: DETAIL_SECONDS,
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          path: `/api/products/${productIds[next++ % productIds.length]}`,
        }),
      },
    ],
  });
}

async function main(): Promise<void> {
  const loadAtStart = load();
  log(`${cpus().length} CPUs, load average ${loadAtStart}, node ${process.version}`);
  const rows: Row[] = [];
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    node: process.version,
    loadAtStart,
    dynamoDbLocalFilesIn: LOAD_TEST_TMP,
  };

  // The storefront's initial JavaScript, from the production build.
  if (webBuildIsStale(ROOT)) {
    log('building the storefront (apps/web)');
    await buildWeb(ROOT, (line) => console.log(`  [web] ${line}`));
  }
  const js = initialJs(WEB_DIST);
  report.initialJs = js;
  rows.push({
    budget: 'Storefront initial JS (gzip)',
    measured: `${fmt(js.gzipBytes / 1000, 1)} KB in ${js.files.length} file(s)`,
    target: '≤ 90 KB',
    pass: js.gzipBytes <= 90_000,
  });

  // npm start, alone on the machine (as far as the bench is concerned).
  log('timing npm start on a fresh data directory');
  const start = await runNpmStart();
  await start.stop();
  report.npmStartMs = Math.round(start.readyMs);
  rows.push({
    budget: 'npm start: ready',
    measured: `${fmt(start.readyMs / 1000, 1)} s`,
    target: '< 20 s',
    pass: start.readyMs < 20_000,
  });

  log(`starting the shop for the load (npm start, DATA_DIR in ${LOAD_TEST_TMP})`);
  const stack = await startLoadTestStack();
  cleanups.push(() => stack.stop());
  const memory = sampleResidentMemory(stack.apiPid);
  cleanups.push(() => memory.stop());
  const idleRss = memory.peak();

  // Lighthouse on the catalog page, before any load, as a shopper's phone would see it.
  log('Lighthouse performance of the catalog page (mobile emulation, simulated throttling)');
  const lighthouseRun = await lighthousePerformance(`${stack.url}/`);
  report.lighthouse = lighthouseRun;
  rows.push({
    budget: 'Storefront Lighthouse performance (mobile)',
    measured: `${lighthouseRun.score} (${Object.entries(lighthouseRun.metrics)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')})`,
    target: '≥ 95',
    pass: lighthouseRun.score >= 95,
  });
  const phasePeaks: Record<string, number> = {};
  let phaseFrom = memory.samples.length;
  const endPhase = (name: string) => {
    phasePeaks[name] = memory.samples
      .slice(phaseFrom)
      .reduce((max, s) => Math.max(max, s.bytes), 0);
    phaseFrom = memory.samples.length;
  };

  const catalog = await measureCatalog(stack);
  endPhase('catalog');
  const ratio = catalog.api.requestsPerSecond / catalog.bare.requestsPerSecond;
  report.catalog = catalog;
  rows.push({
    budget: 'Catalog by category (20 items): API ÷ bare Fastify',
    measured: `${fmt(catalog.api.requestsPerSecond)} ÷ ${fmt(catalog.bare.requestsPerSecond)} req/s = ${fmt(ratio, 2)}`,
    target: '≥ 0.50',
    pass: ratio >= 0.5 && catalog.api.mismatches === 0 && catalog.api.errors === 0,
  });
  rows.push({
    budget: `Catalog by category: p99 at ${CONNECTIONS} connections`,
    measured: `${fmt(catalog.api.latencyMs.p99, 0)} ms (bare ${fmt(catalog.bare.latencyMs.p99, 0)} ms)`,
    target: '< 25 ms',
    pass: catalog.api.latencyMs.p99 < 25,
  });

  const products = await allProducts(stack.data);
  const productIds = products.map((p) => p.productId).sort();
  const detail = await measureProductDetail(stack, productIds);
  endPhase('productDetail');
  report.productDetail = detail;
  rows.push({
    budget: 'Product detail',
    measured: `${fmt(detail.requestsPerSecond)} req/s, p99 ${fmt(detail.latencyMs.p99)} ms, ${fmt(detail.requests - (detail.statuses['200'] ?? 0))} not 200`,
    target: '(reported)',
  });

  // Stock for the checkout run: a few scarce products that sell out under the load, the rest plentiful.
  const scarce = new Set(productIds.slice(0, SCARCE_PRODUCTS));
  await mapConcurrent(productIds, 8, (productId) =>
    stack.data.products.update(productId, {
      stock: scarce.has(productId) ? SCARCE_STOCK : PLENTIFUL_STOCK,
    }),
  );

  const shoppers = await registerShoppers(
    stack.data,
    planShoppers(CART_SHOPPERS, productIds, LINES_PER_CART, `bench-${Date.now().toString(36)}`),
  );
  log(
    `cart updates: ${fmt(CART_SHOPPERS)} shoppers each put ${LINES_PER_CART} products in their cart over ${CONNECTIONS} connections`,
  );
  const carts = await fillCarts(stack.url, shoppers, CONNECTIONS);
  endPhase('cartUpdates');
  report.cartUpdates = carts.figures;
  rows.push({
    budget: `Cart updates (PUT, ${fmt(CART_SHOPPERS)} users)`,
    measured: `${fmt(carts.figures.requestsPerSecond)} req/s, p99 ${fmt(carts.figures.latencyMs.p99)} ms, ${fmt(carts.figures.requests - (carts.figures.statuses['200'] ?? 0))} not 200`,
    target: '(reported)',
  });

  const initial = await stack.data.products.getMany(productIds, { consistent: true });
  const initialStock = new Map(productIds.map((id) => [id, initial.get(id)?.stock ?? 0]));
  log(
    `checkout: ${fmt(carts.ready.length)} buyers with ${LINES_PER_CART}-line carts, ${CONNECTIONS} at a time (${SCARCE_PRODUCTS} products have only ${SCARCE_STOCK} units)`,
  );
  const orders = await checkout(stack.url, carts.ready, CONNECTIONS);
  memory.stop();
  endPhase('checkout');
  log('checkout: reading stock and orders back from DynamoDB');
  const audit = await auditCheckout(stack.data, initialStock, orders.answered);
  const threeLine = orders.answered.filter((o) => o.lines === LINES_PER_CART).length;
  report.checkout = {
    figures: orders.figures,
    ordersPerSecond: orders.ordersPerSecond,
    seconds: orders.seconds,
    threeLineOrders: threeLine,
    audit,
  };
  const unexpected = Object.entries(orders.figures.statuses).filter(
    ([code]) => code !== '201' && code !== '409',
  );
  rows.push({
    budget: `Checkout, ${LINES_PER_CART}-line carts, ${CONNECTIONS} concurrent buyers`,
    measured: `${fmt(orders.ordersPerSecond)} orders/s (${fmt(audit.answered201)} × 201, ${fmt(orders.figures.statuses['409'] ?? 0)} × 409 sold out${unexpected.length ? `, other: ${unexpected.map(([c, n]) => `${n} × ${c}`).join(', ')}` : ''}; p99 ${fmt(orders.figures.latencyMs.p99)} ms)`,
    target: '≥ 200 orders/s',
    pass: orders.ordersPerSecond >= 200 && unexpected.length === 0 && orders.figures.errors === 0,
  });
  rows.push({
    budget: 'Checkout: oversold units',
    measured: fmt(audit.oversoldUnits),
    target: '0',
    pass: audit.oversoldUnits === 0,
  });
  rows.push({
    budget: 'Checkout: lost orders (201 but not stored) / stock ≠ orders',
    measured: `${fmt(audit.lostOrders)} / ${fmt(audit.stockMismatchUnits)} units (${fmt(audit.ordersInDatabase)} orders stored)`,
    target: '0 / 0',
    pass:
      audit.lostOrders === 0 &&
      audit.stockMismatchUnits === 0 &&
      audit.ordersInDatabase === audit.answered201,
  });

  const peak = memory.peak();
  report.apiRss = {
    idleBytes: idleRss,
    peakBytes: peak,
    phasePeakBytes: phasePeaks,
    samples: memory.samples.length,
  };
  rows.push({
    budget: 'API peak resident memory under load',
    measured: `${fmt(peak / MB, 1)} MB (idle ${fmt(idleRss / MB, 1)}; ${Object.entries(phasePeaks)
      .map(([phase, bytes]) => `${phase} ${fmt(bytes / MB, 0)}`)
      .join(', ')})`,
    target: '≤ 150 MB',
    pass: peak <= 150 * MB,
  });

  await cleanUp();
  const loadAtEnd = load();
  report.loadAtEnd = loadAtEnd;
  report.rows = rows;
  report.durationSeconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(join(ROOT, 'bench-report.json'), JSON.stringify(report, null, 2) + '\n');

  printTable(rows);
  console.log(
    `\nLoad average at start ${loadAtStart}, at end ${loadAtEnd}; ${cpus().length} CPUs; ${report.durationSeconds} s. Report: bench-report.json`,
  );
  const missed = rows.filter((row) => row.pass === false);
  if (missed.length > 0) {
    console.log(`${missed.length} budget(s) missed.`);
    process.exitCode = 1;
  } else {
    console.log('Every budget met.');
  }
}

function printTable(rows: Row[]): void {
  const cells = rows.map((row) => [
    row.budget,
    row.measured,
    row.target,
    row.pass === undefined ? '—' : row.pass ? 'pass' : 'MISS',
  ]);
  const header = ['Budget', 'Measured', 'Target', 'Result'];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] as string).length)),
  );
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(
    `\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${cells.map(line).join('\n')}`,
  );
}

main().catch(async (error: unknown) => {
  console.error('bench failed:', error);
  await cleanUp();
  process.exit(1);
});
