import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  createDataLayer,
  provisionTables,
  tableNamesFor,
  type DataLayer,
} from '@mini-ecommerce/data';
import { startApiProcess, LOAD_TEST_JWT_SECRET, type ApiProcess } from '../bench/api-process';
import { mintToken } from '../bench/tokens';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local-stack/dynamodb-local';
import { freePort } from '../local-stack/free-port';

export interface Buyer {
  userId: string;
  token: string;
}

/**
 * Real processes for fault tests: DynamoDB Local with its files in a directory of its own on a
 * fixed port (so it can be killed and started again on the same files and port) and the API as a
 * child process that can be signalled and started again.
 */
export class FaultStack {
  dynamo!: DynamoDbLocal;
  api!: ApiProcess;
  data!: DataLayer;
  readonly dir = mkdtempSync(join(tmpdir(), 'mini-ecommerce-fault-'));
  private dynamoPort = 0;

  get dataDir(): string {
    return join(this.dir, 'dynamodb');
  }

  async start(): Promise<void> {
    this.dynamoPort = await freePort();
    await this.startDynamo();
    this.data = createDataLayer({
      env: 'local',
      endpoint: this.dynamo.endpoint,
      requestTimeoutMs: 5000,
    });
    await provisionTables(this.data.clients.client, tableNamesFor('local'));
    await this.startApi();
  }

  async startDynamo(): Promise<void> {
    this.dynamo = await startDynamoDbLocal({ dataDir: this.dataDir, port: this.dynamoPort });
  }

  /** Kills DynamoDB Local without warning (a crash), or stops it when `graceful`. */
  async stopDynamo(graceful = false): Promise<void> {
    if (!graceful) this.dynamo.process.kill('SIGKILL');
    await this.dynamo.stop();
  }

  /**
   * One request straight to DynamoDB Local (ListTables), answered only once every transaction it
   * acknowledged before the request arrived is committed. DynamoDB Local does all its SQLite work
   * as jobs on one queue, in order, and answers TransactWriteItems as soon as the COMMIT job is
   * queued; this request's job runs after those COMMITs.
   */
  async dynamoBarrier(): Promise<void> {
    await this.data.ping();
  }

  /**
   * Every order id in the orders table, and the order ids its admin feed copies (keyed by order
   * number) point to, sorted, from a consistent Scan. An order stored whole is in both lists.
   */
  async orderCopies(): Promise<{ orders: string[]; feed: string[] }> {
    const orders: string[] = [];
    const feed: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.data.clients.documentClient.send(
        new ScanCommand({
          TableName: this.data.names.orders,
          ConsistentRead: true,
          ProjectionExpression: 'orderId, sourceOrderId',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const { orderId, sourceOrderId } = item as { orderId: string; sourceOrderId?: string };
        if (orderId.startsWith('#N#')) feed.push(sourceOrderId ?? orderId);
        // Other `#` items (the dashboard's sales counters) are not orders.
        else if (!orderId.startsWith('#')) orders.push(orderId);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { orders: orders.sort(), feed: feed.sort() };
  }

  async startApi(): Promise<void> {
    this.api = await startApiProcess({
      dynamoDbEndpoint: this.dynamo.endpoint,
      imagesDir: join(this.dir, 'images'),
    });
  }

  async createProducts(stocks: number[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, stock] of stocks.entries()) {
      const product = await this.data.products.create({
        name: `Fault test product ${i}`,
        description: 'For resilience tests',
        category: 'Resilience',
        price: 100 + i,
        currency: 'USD',
        stock,
      });
      ids.push(product.productId);
    }
    return ids;
  }

  async createBuyers(count: number): Promise<Buyer[]> {
    const buyers: Buyer[] = [];
    for (let i = 0; i < count; i += 1) {
      const user = await this.data.users.create({
        email: `buyer-${i}-${Date.now()}@example.com`,
        name: `Buyer ${i}`,
        passwordHash: 'not-used-tokens-are-minted',
        role: 'customer',
      });
      buyers.push({ userId: user.userId, token: mintToken(LOAD_TEST_JWT_SECRET, user.userId) });
    }
    return buyers;
  }

  async stop(): Promise<void> {
    await this.api?.stop('SIGKILL');
    this.data?.close();
    await this.dynamo?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Answer {
  status: number;
  ms: number;
  startedAt: number;
  body?: unknown;
  retryAfter?: string | null;
  error?: string;
}

/** One request against the API; a refused or cut connection is an answer with status 0. */
/** Every order needs a delivery address. */
const RESILIENCE_ORDER_BODY = {
  address: {
    name: 'Resilience Buyer',
    line1: '1 Crash Street',
    city: 'Springfield',
    postalCode: '12345',
    country: 'US',
  },
};

export async function call(
  url: string,
  init: {
    method?: string;
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      ms: Date.now() - startedAt,
      startedAt,
      body: text ? JSON.parse(text) : undefined,
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    return { status: 0, ms: Date.now() - startedAt, startedAt, error: (error as Error).message };
  }
}

/** An order answered 201, with the quantities it claims and when its answer arrived. */
export interface AnsweredOrder {
  orderId: string;
  items: { productId: string; quantity: number }[];
  /** `Date.now()` when the first 201 for this order arrived. */
  answeredAt: number;
}

/**
 * Shoppers in a loop until stopped: put up to three products in the cart, then place an order
 * with an Idempotency-Key (retried with the same key after a failure, as the storefront does).
 * Every 201 is recorded with the quantities it claims.
 */
export function checkoutLoad(apiUrl: () => string, buyers: Buyer[], productIds: string[]) {
  const answered = new Map<string, AnsweredOrder>();
  const statuses = new Map<number, number>();
  const waiting: { count: number; resolve: () => void }[] = [];
  let running = true;
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const shop = async (buyer: Buyer, index: number) => {
    for (let round = 0; running; round += 1) {
      const lines = [0, 1, 2].map(
        (k) => productIds[(index + round + k * 2) % productIds.length] as string,
      );
      for (const [k, productId] of lines.entries()) {
        const put = await call(`${apiUrl()}/api/cart/items/${productId}`, {
          method: 'PUT',
          token: buyer.token,
          body: { quantity: 1 + ((round + k) % 2) },
        });
        count(put.status);
        if (put.status !== 200) await pause(50);
      }
      const key = `${buyer.userId}-${round}`;
      for (let attempt = 0; running || attempt === 0; attempt += 1) {
        const placed = await call(`${apiUrl()}/api/orders`, {
          method: 'POST',
          token: buyer.token,
          headers: { 'idempotency-key': key },
          body: RESILIENCE_ORDER_BODY,
        });
        count(placed.status);
        if (placed.status === 201) {
          const order = placed.body as Omit<AnsweredOrder, 'answeredAt'>;
          if (!answered.has(order.orderId))
            answered.set(order.orderId, { ...order, answeredAt: placed.startedAt + placed.ms });
          for (const waiter of waiting.filter((w) => answered.size >= w.count)) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve();
          }
        }
        if (placed.status === 409)
          count(
            (await call(`${apiUrl()}/api/cart`, { method: 'DELETE', token: buyer.token })).status,
          );
        // Retry only when the outcome is unknown (the API or DynamoDB was away).
        if (placed.status !== 0 && placed.status < 500) break;
        await pause(100);
      }
    }
  };
  const done = Promise.all(buyers.map((buyer, i) => shop(buyer, i)));
  return {
    answered,
    statuses,
    placed: () => answered.size,
    /**
     * Resolves on the 201 that makes `orders` orders answered, so a test awaiting it acts in the
     * same turn of the event loop as that answer (not up to a poll interval later).
     */
    whenPlaced: (orders: number) =>
      answered.size >= orders
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.push({ count: orders, resolve })),
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export async function waitFor(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}
