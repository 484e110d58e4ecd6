import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CUSTOMER_PASSWORD,
  buildTestApp,
  errorOf,
  uniqueEmail,
  type TestApp,
} from './test/test-app';
import { loggerOptions } from './app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ WEB_ORIGIN: 'https://shop.example.com' });
});
afterAll(() => t?.close());

describe('health', () => {
  it('GET /health answers 200 {status:"ok"} and /health/ready 200 while DynamoDB answers', async () => {
    const live = await t.request({ url: '/health' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.request({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
  });
});

describe('errors in the contract shape', () => {
  it('answers 404 NOT_FOUND for an unknown API route', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['POST', '/api/products/x/y'],
      ['PUT', '/api/orders'],
    ] as const) {
      const response = await t.request({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(response).code).toBe('NOT_FOUND');
    }
  });

  it('answers 400 VALIDATION_ERROR in the contract shape for a malformed percent-encoding in the URL', async () => {
    for (const url of ['/api/orders/%E0%A4%A', '/api/products/%', '/api/cart/items/%zz']) {
      const response = await t.request({ url });
      expect(response.statusCode, url).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MiB, and accepts one just under', async () => {
    const big = {
      email: uniqueEmail('big'),
      password: 'long enough',
      name: 'x'.repeat(1024 * 1024),
    };
    const response = await t.request({ method: 'POST', url: '/api/auth/register', payload: big });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('PAYLOAD_TOO_LARGE');
    const { token } = await t.quickCustomer();
    const cart = await t.request({
      method: 'PUT',
      url: '/api/cart/items/some-product',
      token,
      headers: { 'content-type': 'application/json' },
      payload: `{"quantity":1,"pad":"${'y'.repeat(1024 * 1024 + 10)}"}`,
    });
    expect(cart.statusCode).toBe(413);
    // Just under the limit the body is read and judged on its content (400: too long a name).
    const under = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...big, name: 'x'.repeat(1024 * 1024 - 200) },
    });
    expect(under.statusCode).toBe(400);
    expect(errorOf(under).code).toBe('VALIDATION_ERROR');
  });

  it('answers 400 VALIDATION_ERROR for malformed JSON, an empty JSON body and a body that is not JSON', async () => {
    const cases = [
      { 'content-type': 'application/json', body: '{"email": ' },
      { 'content-type': 'application/json', body: '' },
      { 'content-type': 'text/plain', body: 'email=a@b.co' },
      { 'content-type': 'application/x-www-form-urlencoded', body: 'email=a@b.co&password=x' },
    ];
    for (const { body, ...headers } of cases) {
      const response = await t.request({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: body,
      });
      expect(response.statusCode, JSON.stringify(headers) + body).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers 400 with details naming each bad field', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'x', password: 'y' },
    });
    const error = errorOf(response);
    expect(error.code).toBe('VALIDATION_ERROR');
    const paths = (error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['email', 'name', 'password']);
  });
});

describe('HTTP hygiene', () => {
  it("sends the API's security headers on its answers and the document policy on pages", async () => {
    for (const url of ['/health', '/api/products?limit=1', '/api/no-such-route']) {
      const { headers } = await t.request({ url });
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['content-security-policy'], url).toBe(
        "default-src 'none';frame-ancestors 'none'",
      );
      expect(headers['x-frame-options'], url).toBe('DENY');
      expect(headers['strict-transport-security'], url).toContain('max-age=');
      expect(headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(headers['cross-origin-opener-policy'], url).toBeUndefined();
    }
    const page = await t.request({ url: '/docs/' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('allows CORS for WEB_ORIGIN only', async () => {
    const allowed = await t.request({
      method: 'OPTIONS',
      url: '/api/products',
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    // A fixed origin is always announced; the browser refuses it to any other page.
    const other = await t.request({
      url: '/api/products',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(other.headers['access-control-allow-origin']).not.toBe('https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).not.toBe('*');
  });
});

describe('OpenAPI', () => {
  it('/docs/json is OpenAPI 3 listing every route of the contract', async () => {
    const response = await t.request({ url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /health',
        'GET /health/ready',
        'POST /api/auth/register',
        'POST /api/auth/login',
        'GET /api/users/me',
        'GET /api/users/me/addresses',
        'POST /api/users/me/addresses',
        'PATCH /api/users/me/addresses/{addressId}',
        'DELETE /api/users/me/addresses/{addressId}',
        'GET /api/categories',
        'GET /api/products',
        'GET /api/products/search',
        'GET /api/products/{productId}',
        'POST /api/products',
        'PATCH /api/products/{productId}',
        'DELETE /api/products/{productId}',
        'POST /api/products/{productId}/image-upload',
        'GET /api/cart',
        'PUT /api/cart/items/{productId}',
        'DELETE /api/cart/items/{productId}',
        'DELETE /api/cart',
        'POST /api/orders',
        'GET /api/orders',
        'GET /api/orders/by-number/{number}',
        'GET /api/orders/{orderId}',
        'GET /api/admin/orders',
        'GET /api/admin/summary',
        'PATCH /api/orders/{orderId}',
      ].sort(),
    );
    // Request bodies and responses are described, not just listed.
    const register = doc.paths['/api/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'password',
    );
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['201', '400', '409']));
    expect(doc.paths['/api/orders'].post.parameters.map((p: { name: string }) => p.name)).toContain(
      'idempotency-key',
    );
    expect(
      doc.paths['/api/orders'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('addressId');
    const docs = await t.request({ url: '/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('says which routes take a bearer token, and only those', async () => {
    const doc = (await t.request({ url: '/docs/json' })).json();
    const security = (path: string, method: string) => doc.paths[path][method].security;
    const bearer = [{ bearerAuth: [] }];
    for (const [path, method] of [
      ['/api/orders', 'post'],
      ['/api/orders/{orderId}', 'get'],
      ['/api/orders/{orderId}', 'patch'],
      ['/api/users/me', 'get'],
      ['/api/users/me/addresses', 'post'],
      ['/api/products/{productId}', 'patch'],
      ['/api/admin/summary', 'get'],
      ['/api/cart', 'get'],
    ]) {
      expect(security(path as string, method as string), `${method} ${path}`).toEqual(bearer);
    }
    for (const [path, method] of [
      ['/api/products', 'get'],
      ['/api/products/{productId}', 'get'],
      ['/api/auth/login', 'post'],
    ]) {
      expect(security(path as string, method as string), `${method} ${path}`).toBeUndefined();
    }
  });
});

describe('logs', () => {
  it('never carry passwords, tokens or hashes, and carry a request id', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildTestApp({}, { logger: { ...loggerOptions('trace'), stream } });
    try {
      const email = uniqueEmail('logged');
      const register = await app.request({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email, password: CUSTOMER_PASSWORD, name: 'Logged' },
      });
      const { token } = register.json();
      await app.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'wrong password 1' },
      });
      await app.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: CUSTOMER_PASSWORD },
      });
      await app.request({
        url: '/api/users/me',
        token,
        headers: { cookie: 'session=cookie-secret-value' },
      });
      await app.request({
        method: 'PUT',
        url: '/api/cart/items/x',
        token,
        payload: { quantity: 'nope', password: CUSTOMER_PASSWORD },
      });
      expect(lines.length).toBeGreaterThan(5);
      const all = lines.join('\n');
      expect(all).not.toContain(CUSTOMER_PASSWORD);
      expect(all).not.toContain('wrong password 1');
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
      expect(all).not.toContain('cookie-secret-value');
      expect(all).not.toMatch(/scrypt\$/);
      const parsed = lines.map((line) => JSON.parse(line));
      expect(parsed.some((entry) => entry.reqId && entry.req?.url === '/api/users/me')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('redact the Authorization header, cookies and password fields if they are ever logged', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const { default: pino } = await import('pino');
    const log = pino(loggerOptions('info'), stream);
    log.info({
      req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'a=b' } },
      body: { password: 'hunter22hunter22', token: 'tok-123' },
      password: 'top-level-pass',
      user: { passwordHash: 'scrypt$1$2' },
    });
    const out = lines.join('');
    for (const secret of [
      'abc.def.ghi',
      'a=b',
      'hunter22hunter22',
      'tok-123',
      'top-level-pass',
      'scrypt$1$2',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
