/**
 * Soak test (not part of npm test): two minutes of mixed shopper traffic at a fixed rate against
 * the local stack, 70% browsing, 20% cart changes and 10% checkouts. Passes when no request fails
 * and the API's resident memory grows less than 10% from the first minute to the second.
 *
 *   node --conditions=@mini-ecommerce/source --import tsx tools/src/soak/soak.ts
 *
 * SOAK_RATE (requests per second, default 80) and SOAK_SECONDS (default 120) change the shape.
 */
import { loadavg } from 'node:os';
import { LOAD_TEST_JWT_SECRET, sampleResidentMemory } from '../bench/api-process';
import { allProducts, mapConcurrent, random, registerShoppers } from '../bench/checkout';
import { startLoadTestStack, type LoadTestStack } from '../bench/load-test-stack';
import { mintToken } from '../bench/tokens';

const RATE = Number(process.env.SOAK_RATE ?? 80);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 120);
const USERS = 60;
const MAX_LINES = 3;
const MB = 1024 * 1024;

interface User {
  userId: string;
  token: string;
  lines: Set<string>;
  busy: boolean;
  orders: number;
}

type Kind = 'browse' | 'cart' | 'checkout';

const started = performance.now();
const log = (message: string) =>
  console.log(`[soak +${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);

async function main(): Promise<void> {
  let stack: LoadTestStack | undefined;
  const stopStack = async () => {
    const s = stack;
    stack = undefined;
    await s?.stop();
  };
  process.on('SIGINT', () => void stopStack().then(() => process.exit(130)));
  try {
    log(
      `load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}; starting the local stack`,
    );
    stack = await startLoadTestStack();
    const { url, data } = stack;
    const products = await allProducts(data);
    await mapConcurrent(products, 8, (p) =>
      data.products.update(p.productId, { stock: 1_000_000 }),
    );
    const categories = [...new Set(products.map((p) => p.category))];
    const users: User[] = await registerShoppers(
      data,
      Array.from({ length: USERS }, (_, i) => {
        const userId = `soak-${Date.now().toString(36)}-${i}`;
        return {
          userId,
          token: mintToken(LOAD_TEST_JWT_SECRET, userId),
          lines: new Set<string>(),
          busy: false,
          orders: 0,
        };
      }),
    );
    const next = random(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;

    const counts: Record<Kind, number> = { browse: 0, cart: 0, checkout: 0 };
    const failures = new Map<string, number>();
    const latencies: number[] = [];
    const fail = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);

    const send = async (
      kind: Kind,
      path: string,
      init: RequestInit & { token?: string },
      ok: number[],
    ) => {
      const t0 = performance.now();
      try {
        const response = await fetch(`${url}${path}`, {
          ...init,
          headers: {
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
            ...(init.body ? { 'content-type': 'application/json' } : {}),
            ...(init.headers as Record<string, string> | undefined),
          },
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        counts[kind] += 1;
        if (!ok.includes(response.status))
          fail(`${kind} ${init.method ?? 'GET'} → ${response.status}`);
        return response.status;
      } catch (error) {
        counts[kind] += 1;
        fail(`${kind}: ${(error as Error).name}`);
        return 0;
      }
    };

    const browse = () => {
      const roll = next();
      if (roll < 0.1) return send('browse', '/api/categories', {}, [200]);
      if (roll < 0.55)
        return send(
          'browse',
          `/api/products?category=${encodeURIComponent(pick(categories))}&limit=20`,
          {},
          [200],
        );
      if (roll < 0.65) return send('browse', '/api/products?limit=20', {}, [200]);
      return send('browse', `/api/products/${pick(products).productId}`, {}, [200]);
    };

    const withIdleUser = async (want: (u: User) => boolean, act: (u: User) => Promise<unknown>) => {
      const user = users.find((u) => !u.busy && want(u)) ?? users.find((u) => !u.busy);
      if (!user) return fail('no idle shopper (the API is falling behind)');
      user.busy = true;
      try {
        await act(user);
      } finally {
        user.busy = false;
      }
    };

    const cart = () =>
      withIdleUser(
        () => next() < 0.5,
        async (user) => {
          if (user.lines.size >= MAX_LINES) {
            const productId = [...user.lines][0] as string;
            const status = await send(
              'cart',
              `/api/cart/items/${productId}`,
              { method: 'DELETE', token: user.token },
              [204],
            );
            if (status === 204) user.lines.delete(productId);
            return;
          }
          const productId = pick(products).productId;
          const body = JSON.stringify({ quantity: 1 + Math.floor(next() * 2) });
          const status = await send(
            'cart',
            `/api/cart/items/${productId}`,
            { method: 'PUT', token: user.token, body },
            [200],
          );
          if (status === 200) user.lines.add(productId);
        },
      );

    const checkout = () =>
      withIdleUser(
        (u) => u.lines.size > 0,
        async (user) => {
          if (user.lines.size === 0)
            return send('checkout', '/api/cart', { token: user.token }, [200]);
          const key = `soak-${user.userId}-${user.orders}`;
          const status = await send(
            'checkout',
            '/api/orders',
            {
              method: 'POST',
              token: user.token,
              headers: { 'idempotency-key': key },
              // An order needs a delivery address.
              body: JSON.stringify({
                address: {
                  name: 'Soak Buyer',
                  line1: '1 Load Street',
                  city: 'Springfield',
                  postalCode: '12345',
                  country: 'US',
                },
              }),
            },
            [201],
          );
          if (status === 201) {
            user.orders += 1;
            user.lines.clear();
          }
        },
      );

    const memory = sampleResidentMemory(stack.apiPid, 1000);
    const t0 = performance.now();
    const startedAt = Date.now();
    let launched = 0;
    const inFlight = new Set<Promise<unknown>>();
    log(`${SECONDS} s at ${RATE} requests/s (70% browse, 20% cart, 10% checkout) against ${url}`);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = (performance.now() - t0) / 1000;
        if (elapsed >= SECONDS) {
          clearInterval(timer);
          resolve();
          return;
        }
        while (launched < Math.floor(elapsed * RATE)) {
          launched += 1;
          const roll = next();
          const task = roll < 0.7 ? browse() : roll < 0.9 ? cart() : checkout();
          inFlight.add(task);
          void task.finally(() => inFlight.delete(task));
        }
        if (Math.floor(elapsed) % 15 === 0 && Math.floor(elapsed) !== Math.floor(elapsed - 0.01)) {
          log(
            `${launched} requests, RSS ${((memory.samples.at(-1)?.bytes ?? 0) / MB).toFixed(1)} MB`,
          );
        }
      }, 10);
    });
    await Promise.all(inFlight);
    memory.stop();

    const halfway = startedAt + (SECONDS * 1000) / 2;
    const first = memory.samples
      .filter((s) => s.at >= startedAt && s.at < halfway)
      .map((s) => s.bytes);
    const second = memory.samples.filter((s) => s.at >= halfway).map((s) => s.bytes);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const growth = (mean(second) - mean(first)) / mean(first);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    const errorCount = [...failures.values()].reduce((a, b) => a + b, 0);

    console.log(`
Requests:   ${launched} in ${SECONDS} s (${(launched / SECONDS).toFixed(1)}/s): browse ${counts.browse}, cart ${counts.cart}, checkout ${counts.checkout}
Orders:     ${users.reduce((sum, u) => sum + u.orders, 0)} placed
Latency:    p99 ${p99.toFixed(1)} ms
Errors:     ${errorCount}${errorCount ? ` (${[...failures].map(([k, n]) => `${n} × ${k}`).join(', ')})` : ''}
API RSS:    first minute mean ${(mean(first) / MB).toFixed(1)} MB (peak ${(Math.max(...first) / MB).toFixed(1)}), second minute mean ${(mean(second) / MB).toFixed(1)} MB (peak ${(Math.max(...second) / MB).toFixed(1)}): ${(growth * 100).toFixed(1)}% growth
Load avg:   ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`);
    const passed = errorCount === 0 && growth < 0.1;
    console.log(passed ? 'Soak passed.' : 'Soak FAILED: errors, or memory grew 10% or more.');
    process.exitCode = passed ? 0 : 1;
  } finally {
    await stopStack();
  }
}

main().catch((error: unknown) => {
  console.error('soak failed:', error);
  process.exit(1);
});
