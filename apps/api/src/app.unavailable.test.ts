import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataLayer } from '@mini-ecommerce/data';
import { createTestDataLayer, testDynamoDbEndpoint } from '@mini-ecommerce/data/testing';
import { HEALTH_READY_PATH } from '@mini-ecommerce/stack-model';
import { ORDER_BODY, buildTestApp, errorOf, signToken, type TestApp } from './test/test-app';

/** A port that was free a moment ago and that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('when DynamoDB does not answer', () => {
  it('every data route fails fast with 503 UNAVAILABLE and Retry-After, /health/ready is 503, /health stays 200', async () => {
    const data = createDataLayer({
      env: 'local',
      endpoint: `http://127.0.0.1:${await closedPort()}`,
    });
    cleanups.push(() => data.close());
    const t: TestApp = await buildTestApp({}, { data });
    cleanups.push(() => t.close());
    const token = signToken({ sub: 'some-user', role: 'customer' });
    const requests = [
      { url: '/api/products' },
      { url: '/api/products?category=Desks' },
      { url: '/api/products/p-1' },
      { url: '/api/categories' },
      {
        method: 'POST' as const,
        url: '/api/auth/login',
        payload: { email: 'a@example.com', password: 'whatever1' },
      },
      {
        method: 'POST' as const,
        url: '/api/auth/register',
        payload: { email: 'b@example.com', password: 'whatever1', name: 'B' },
      },
      { url: '/api/users/me', token },
      { url: '/api/cart', token },
      { method: 'PUT' as const, url: '/api/cart/items/p-1', token, payload: { quantity: 1 } },
      { method: 'POST' as const, url: '/api/orders', token, payload: ORDER_BODY },
      { url: '/api/orders', token },
      { url: '/api/admin/orders', token },
    ];
    for (const request of requests) {
      const started = Date.now();
      const response = await t.request(request);
      const elapsed = Date.now() - started;
      expect(response.statusCode, `${request.url}: ${response.body}`).toBe(503);
      expect(errorOf(response).code).toBe('UNAVAILABLE');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(elapsed, request.url).toBeLessThan(2000);
    }
    const started = Date.now();
    const ready = await t.request({ url: HEALTH_READY_PATH });
    expect(ready.statusCode).toBe(503);
    expect(errorOf(ready).code).toBe('UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await t.request({ url: '/health' })).statusCode).toBe(200);
    // Bad input is still judged before DynamoDB is asked: 400, not 503.
    expect((await t.request({ url: '/api/products?limit=0' })).statusCode).toBe(400);
  });

  it('recovers by itself when DynamoDB comes back', async () => {
    // A TCP relay in front of the run's DynamoDB Local that the test can stop and start again on the same port.
    const target = new URL(testDynamoDbEndpoint());
    const sockets = new Set<Socket>();
    let relay: Server | undefined;
    const port = await closedPort();
    const start = () =>
      new Promise<void>((resolve, reject) => {
        relay = createServer((client) => {
          const upstream = connect(Number(target.port), target.hostname);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
            socket.on('error', () => socket.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        relay.once('error', reject);
        relay.listen(port, '127.0.0.1', () => resolve());
      });
    const stop = () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay?.close(() => resolve());
      });
    await start();
    cleanups.push(stop);
    const data = await createTestDataLayer({
      endpoint: `http://127.0.0.1:${port}`,
      requestTimeoutMs: 600,
    });
    cleanups.push(() => data.close());
    const t = await buildTestApp({}, { data });
    cleanups.push(() => t.close());

    expect((await t.request({ url: '/api/categories' })).statusCode).toBe(200);
    await stop();
    expect((await t.request({ url: '/api/categories' })).statusCode).toBe(503);
    expect((await t.request({ url: '/health/ready' })).statusCode).toBe(503);
    await start();
    expect((await t.request({ url: '/health/ready' })).statusCode).toBe(200);
    expect((await t.request({ url: '/api/categories' })).statusCode).toBe(200);
  });
});
