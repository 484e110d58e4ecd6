import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics';
import { ORDER_BODY, buildTestApp } from '../test/test-app';

class MemorySink {
  readonly lines: string[] = [];
  write(line: string) {
    this.lines.push(line);
  }
}

describe('Metrics (CloudWatch Embedded Metric Format)', () => {
  it('writes one EMF line per flush with the namespace, dimension, units and the counts since the last flush', () => {
    const sink = new MemorySink();
    const metrics = new Metrics('staging', sink, () => 1_700_000_000_000);
    metrics.recordRequest(200);
    metrics.recordRequest(201);
    metrics.recordRequest(503);
    metrics.recordRequest(500);
    metrics.recordRequest(404);
    metrics.recordOrderPlaced(12.345);
    metrics.recordOrderPlaced(30);
    metrics.flush();
    expect(sink.lines).toHaveLength(1);
    const line = sink.lines[0] as string;
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim()).not.toContain('\n');
    const emf = JSON.parse(line);
    expect(emf._aws.Timestamp).toBe(1_700_000_000_000);
    expect(emf._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'MiniEcommerce',
        Dimensions: [['Environment']],
        Metrics: [
          { Name: 'Heartbeat', Unit: 'Count' },
          { Name: 'Requests', Unit: 'Count' },
          { Name: 'Http5xx', Unit: 'Count' },
          { Name: 'OrdersPlaced', Unit: 'Count' },
          { Name: 'CheckoutLatency', Unit: 'Milliseconds' },
        ],
      },
    ]);
    expect(emf).toMatchObject({
      Environment: 'staging',
      Heartbeat: 1,
      Requests: 5,
      Http5xx: 2,
      OrdersPlaced: 2,
      CheckoutLatency: [12.35, 30],
    });
    // Every metric named in the directive has a member of that name (CloudWatch drops the line otherwise).
    for (const metric of emf._aws.CloudWatchMetrics[0].Metrics)
      expect(emf).toHaveProperty(metric.Name);

    // Counts restart after a flush; an idle interval still writes its heartbeat, and health
    // checks (the load balancer's, the deploy gate's) are not shopper requests.
    metrics.recordRequest(200, '/api/products');
    metrics.recordRequest(200, '/health');
    metrics.recordRequest(200, '/health/ready');
    expect(metrics.flush()).toMatchObject({ Requests: 1, Http5xx: 0, OrdersPlaced: 0 });
    expect(metrics.flush()).toMatchObject({ Heartbeat: 1, Requests: 0 });
    expect(sink.lines).toHaveLength(3);
    expect(JSON.parse(sink.lines[1] as string)).not.toHaveProperty('CheckoutLatency');
  });

  it('keeps at most 100 latency values per line (the EMF limit)', () => {
    const sink = new MemorySink();
    const metrics = new Metrics('prod', sink);
    metrics.recordRequest(201);
    for (let i = 0; i < 150; i += 1) metrics.recordOrderPlaced(i);
    const line = metrics.flush() as Record<string, unknown>;
    expect(line.OrdersPlaced).toBe(150);
    expect((line.CheckoutLatency as number[]).length).toBe(100);
  });

  it('counts the requests, 5xx and orders the API really served', async () => {
    const sink = new MemorySink();
    const t = await buildTestApp({}, { metricsSink: sink });
    try {
      const admin = await t.admin();
      const product = await t.createProduct(admin.token, { stock: 5 });
      const buyer = await t.quickCustomer();
      await t.addToCart(buyer.token, product.productId, 1);
      expect(
        (
          await t.request({
            method: 'POST',
            url: '/api/orders',
            token: buyer.token,
            payload: ORDER_BODY,
          })
        ).statusCode,
      ).toBe(201);
      // A replay of the same key is not a second order.
      await t.addToCart(buyer.token, product.productId, 1);
      await t.request({
        method: 'POST',
        url: '/api/orders',
        token: buyer.token,
        payload: ORDER_BODY,
        headers: { 'idempotency-key': 'metrics-key-1' },
      });
      await t.request({
        method: 'POST',
        url: '/api/orders',
        token: buyer.token,
        payload: ORDER_BODY,
        headers: { 'idempotency-key': 'metrics-key-1' },
      });
      await t.request({ url: '/api/nothing-here' });
    } finally {
      await t.close(); // flushes on close
    }
    const emf = JSON.parse(sink.lines.at(-1) as string);
    // login, create product, add to cart x2, 3 orders, 404
    expect(emf.Requests).toBe(8);
    expect(emf.OrdersPlaced).toBe(2);
    expect(emf.Http5xx).toBe(0);
    expect(emf.CheckoutLatency).toHaveLength(2);
  });
});
