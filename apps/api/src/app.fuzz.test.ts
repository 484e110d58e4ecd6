import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_BODY, buildTestApp, type TestApp } from './test/test-app';

/**
 * Property-based tests: whatever a client sends to whatever route (params, query strings, bodies,
 * headers, tokens), the API never answers 5xx, every error has the contract's shape, and no
 * password hash ever leaves the server.
 */

let t: TestApp;
let tokens: Record<'customer' | 'admin', string>;
let productId: string;
let orderId: string;
beforeAll(async () => {
  t = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_MAX_FAILURES: '100000' });
  const admin = await t.admin();
  const customer = await t.quickCustomer();
  tokens = { admin: admin.token, customer: customer.token };
  productId = (await t.createProduct(admin.token, { stock: 1_000_000, category: 'Fuzz' }))
    .productId;
  await t.addToCart(customer.token, productId, 1);
  orderId = (
    await t.request({
      method: 'POST',
      url: '/api/orders',
      token: customer.token,
      payload: ORDER_BODY,
    })
  ).json().orderId;
});
afterAll(() => t?.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const ROUTES: [Method, string][] = [
  ['GET', '/health'],
  ['GET', '/health/ready'],
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/login'],
  ['GET', '/api/users/me'],
  ['GET', '/api/categories'],
  ['GET', '/api/products'],
  ['GET', '/api/products/:productId'],
  ['POST', '/api/products'],
  ['PATCH', '/api/products/:productId'],
  ['DELETE', '/api/products/:productId'],
  ['POST', '/api/products/:productId/image-upload'],
  ['GET', '/api/cart'],
  ['PUT', '/api/cart/items/:productId'],
  ['DELETE', '/api/cart/items/:productId'],
  ['DELETE', '/api/cart'],
  ['POST', '/api/orders'],
  ['GET', '/api/orders'],
  ['GET', '/api/orders/:orderId'],
  ['GET', '/api/orders/by-number/:number'],
  ['GET', '/api/admin/orders'],
  ['PATCH', '/api/orders/:orderId'],
  ['PUT', '/api/local-uploads/products/p/x.png'],
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '#',
    '#CATEGORY_COUNTS',
    '#ORDERS#ALL',
    '#N#0000-0000',
    '7KQ2-M4XD',
    '..',
    '%',
    'null',
    '0',
    '-1',
    '1e309',
    'x'.repeat(3000),
  ),
);
const cursor = fc.oneof(
  text,
  fc
    .jsonValue({ maxDepth: 2 })
    .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  fc
    .record(
      {
        productId: text,
        category: text,
        orderId: text,
        userId: text,
        createdAt: text,
        c: text,
        k: fc.dictionary(fc.constantFrom('productId', 'category'), text),
      },
      { requiredKeys: [] },
    )
    .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
);
const queryValue = fc.oneof(text, fc.integer().map(String), fc.double().map(String), cursor);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom('limit', 'cursor', 'category', 'status', 'userId', '__proto__', 'constructor'),
    fc.string({ maxLength: 8 }),
  ),
  fc.oneof(queryValue, fc.array(queryValue, { minLength: 2, maxLength: 3 })),
  { maxKeys: 4 },
);
const param = fc.oneof(
  fc.constant('$product'),
  fc.constant('$order'),
  text
    .filter((s) => s.length > 0)
    .map((s) => {
      try {
        return encodeURIComponent(s);
      } catch {
        return 'x';
      }
    }),
  fc.constantFrom('%E0%A4%A', '%', '%00', '..%2F..%2Fetc', 'a%2Fb', '%23FEED%23ALL%23x'),
);
const plausibleField = fc.constantFrom(
  'email',
  'password',
  'name',
  'role',
  'quantity',
  'price',
  'stock',
  'category',
  'description',
  'currency',
  'imageUrl',
  'status',
  'contentType',
  'total',
  'userId',
  'productId',
  'items',
  '__proto__',
  'constructor',
);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: -2, max: 120 }),
  fc.constantFrom(
    'PAID',
    'CANCELLED',
    'image/png',
    'admin',
    'someone@example.com',
    'long enough password',
    'Fuzz',
    null,
    1e308,
    -0,
  ),
);
const jsonBody = fc.oneof(
  fc.dictionary(plausibleField, value, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  jsonBody.map((v) => ({ raw: JSON.stringify(v), type: 'application/json' })),
  fc.record({
    raw: fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '{"quantity":1e999}', '\u0000'),
    ),
    type: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'image/png',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
    ),
  }),
);
const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const headers = fc.record(
  {
    auth: fc.oneof(
      fc.constantFrom('none', 'customer', 'admin'),
      printable.map((s) => `raw:${s}`),
      fc.constantFrom('Bearer ', 'Bearer a.b.c', 'bearer x', 'Basic Zm9vOmJhcg=='),
    ),
    idempotencyKey: fc.option(printable, { nil: undefined }),
    extra: fc.option(
      fc.tuple(
        fc.constantFrom(
          'x-request-id',
          'accept',
          'accept-encoding',
          'origin',
          'x-forwarded-for',
          'if-none-match',
        ),
        printable,
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['auth'] },
);

function buildRequest(
  [method, template]: [Method, string],
  params: string[],
  q: Record<string, unknown>,
  b: { raw: string; type: string } | undefined,
  h: { auth: string; idempotencyKey?: string; extra?: [string, string] },
): InjectOptions {
  let i = 0;
  const path = template.replace(/:(productId|orderId)/g, (_m, name: string) => {
    const p = params[i++] ?? '$product';
    if (p === '$product') return productId;
    if (p === '$order') return orderId;
    return name === 'productId' && p === '$order' ? orderId : p;
  });
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(q)) {
    for (const one of Array.isArray(v) ? v : [v]) search.append(key, String(one));
  }
  const qs = search.toString();
  const headerMap: Record<string, string> = {};
  if (h.auth === 'customer' || h.auth === 'admin')
    headerMap.authorization = `Bearer ${tokens[h.auth]}`;
  else if (h.auth.startsWith('raw:')) headerMap.authorization = h.auth.slice(4);
  else if (h.auth !== 'none') headerMap.authorization = h.auth;
  if (h.idempotencyKey !== undefined) headerMap['idempotency-key'] = h.idempotencyKey;
  if (h.extra) headerMap[h.extra[0]] = h.extra[1];
  if (b) headerMap['content-type'] = b.type;
  return {
    method,
    url: qs ? `${path}?${qs}` : path,
    headers: headerMap,
    ...(b ? { payload: b.raw } : {}),
  };
}

async function expectSound(request: InjectOptions) {
  const response = await t.app.inject(request);
  const where = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${String(request.payload).slice(0, 200)} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const parsed = JSON.parse(response.body);
    expect(typeof parsed?.error?.code, where).toBe('string');
    expect(typeof parsed?.error?.message, where).toBe('string');
  }
  expect(response.body, where).not.toMatch(/passwordHash|scrypt\$/);
}

describe('no input produces a 5xx', () => {
  it('random params, query strings, bodies and headers on every route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.array(param, { minLength: 1, maxLength: 2 }),
        query,
        body,
        headers,
        async (route, params, q, b, h) => expectSound(buildRequest(route, params, q, b, h)),
      ),
      { numRuns: 300 },
    );
  });

  it('random JSON bodies, as the admin and as a customer, on every route that reads a body', async () => {
    const withBody = ROUTES.filter(([method]) => method !== 'GET' && method !== 'DELETE');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withBody),
        jsonBody,
        fc.constantFrom('admin', 'customer'),
        async (route, v, who) =>
          expectSound(
            buildRequest(
              route,
              ['$product'],
              {},
              { raw: JSON.stringify(v), type: 'application/json' },
              { auth: who },
            ),
          ),
      ),
      { numRuns: 100 },
    );
  });

  it('random cursors and limits on every paged listing', async () => {
    const paged: [Method, string, 'customer' | 'admin'][] = [
      ['GET', '/api/products', 'customer'],
      ['GET', '/api/orders', 'customer'],
      ['GET', '/api/admin/orders', 'admin'],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paged),
        cursor,
        fc.option(fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), text), {
          nil: undefined,
        }),
        fc.option(fc.oneof(fc.constantFrom('Fuzz', 'PAID', 'PLACED'), text), { nil: undefined }),
        async ([method, path, who], c, limit, filter) =>
          expectSound(
            buildRequest(
              [method, path],
              [],
              {
                cursor: c,
                ...(limit === undefined ? {} : { limit }),
                ...(filter === undefined
                  ? {}
                  : { [path === '/api/products' ? 'category' : 'status']: filter }),
              },
              undefined,
              { auth: who },
            ),
          ),
      ),
      { numRuns: 100 },
    );
  });
});

describe('invariants under random cart and order traffic', () => {
  it('stock never goes negative and every order is priced from the catalog', async () => {
    const admin = tokens.admin;
    const products = await Promise.all(
      [3, 1, 5].map((stock, i) =>
        t.createProduct(admin, { category: 'Invariant', stock, price: 100 * (i + 1) }),
      ),
    );
    const buyers = await Promise.all([t.quickCustomer(), t.quickCustomer(), t.quickCustomer()]);
    const action = fc.record({
      buyer: fc.nat({ max: buyers.length - 1 }),
      product: fc.nat({ max: products.length - 1 }),
      quantity: fc.integer({ min: -1, max: 6 }),
      kind: fc.constantFrom('put', 'order', 'remove'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 8 }), async (actions) => {
        await Promise.all(
          actions.map(async ({ buyer, product, quantity, kind }) => {
            const token = (buyers[buyer] as (typeof buyers)[number]).token;
            const id = (products[product] as (typeof products)[number]).productId;
            const response =
              kind === 'put'
                ? await t.request({
                    method: 'PUT',
                    url: `/api/cart/items/${id}`,
                    token,
                    payload: { quantity },
                  })
                : kind === 'remove'
                  ? await t.request({ method: 'DELETE', url: `/api/cart/items/${id}`, token })
                  : await t.request({
                      method: 'POST',
                      url: '/api/orders',
                      token,
                      payload: ORDER_BODY,
                    });
            expect(response.statusCode, response.body).toBeLessThan(500);
            if (kind === 'order' && response.statusCode === 201) {
              const order = response.json();
              for (const item of order.items) {
                const index = products.findIndex((p) => p.productId === item.productId);
                expect(item.unitPrice).toBe(100 * (index + 1));
                expect(item.lineTotal).toBe(item.unitPrice * item.quantity);
              }
              expect(order.total).toBe(
                order.items.reduce(
                  (sum: number, item: { lineTotal: number }) => sum + item.lineTotal,
                  0,
                ),
              );
            }
          }),
        );
        for (const product of products) {
          const stock = (await t.request({ url: `/api/products/${product.productId}` })).json()
            .stock;
          expect(stock).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 30 },
    );
    // Units sold plus units left equal the units there were.
    const orders: { items: { productId: string; quantity: number }[] }[] = [];
    for (const buyer of buyers) {
      let next: string | null = null;
      do {
        const page: { items: typeof orders; nextCursor: string | null } = (
          await t.request({
            url: `/api/orders?limit=100${next ? `&cursor=${encodeURIComponent(next)}` : ''}`,
            token: buyer.token,
          })
        ).json();
        orders.push(...page.items);
        next = page.nextCursor;
      } while (next);
    }
    for (const [i, product] of products.entries()) {
      const sold = orders
        .flatMap((o) => o.items)
        .filter((item) => item.productId === product.productId)
        .reduce((s, item) => s + item.quantity, 0);
      const left = (await t.request({ url: `/api/products/${product.productId}` })).json().stock;
      expect(sold + left, `product ${i}`).toBe(product.stock);
    }
  });
});
