import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, {
  type FastifyInstance,
  type FastifyServerOptions,
  type InjectOptions,
  type LightMyRequestResponse,
} from 'fastify';
import type { DataLayer } from '@mini-ecommerce/data';
import { createTestDataLayer } from '@mini-ecommerce/data/testing';
import {
  toPublicUser,
  type AuthResponse,
  type Product,
  type ProductCreate,
} from '@mini-ecommerce/domain';
import app, { serverOptionsFor, type AppOptions } from '../app';
import { loadConfig } from '../config';
import { hashPassword } from '../lib/passwords';

export interface TestApp {
  app: FastifyInstance;
  data: DataLayer;
  close(): Promise<void>;
  /** Registers a new customer through the API and returns the response body. */
  customer(name?: string): Promise<AuthResponse>;
  /**
   * A customer created directly in the data layer with a shared precomputed hash (password
   * `correct horse battery`), for tests that need many buyers without paying scrypt for each.
   */
  quickCustomer(name?: string): Promise<AuthResponse>;
  /** An admin account (created in the data layer) signed in through the API. */
  admin(): Promise<AuthResponse>;
  createProduct(adminToken: string, overrides?: Partial<ProductCreate>): Promise<Product>;
  /** PUT /api/cart/items/:productId, failing the test on anything but 200. */
  addToCart(token: string, productId: string, quantity: number): Promise<void>;
  /** app.inject with an optional bearer token. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
}

export const CUSTOMER_PASSWORD = 'correct horse battery';
/** A delivery address for orders placed in tests (`POST /api/orders` needs one). */
export const TEST_ADDRESS = {
  name: 'Test Shopper',
  line1: '1 Test Street',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
} as const;
/** The body of `POST /api/orders` with TEST_ADDRESS inline. */
export const ORDER_BODY = { address: TEST_ADDRESS };
/** The JWT secret of every test app (unless a test overrides JWT_SECRET). */
export const TEST_JWT_SECRET = 'test-secret-0123456789-0123456789-abcdef';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 JWT as the API issues them; tests forge, expire and re-sign tokens with it. */
export function signToken(payload: Record<string, unknown>, secret = TEST_JWT_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ iat: now, exp: now + 3600, ...payload })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

let counter = 0;
export const uniqueEmail = (prefix: string) =>
  `${prefix}${Date.now()}${(counter += 1)}@example.com`;

let sharedHash: Promise<string> | undefined;

export interface TestAppOptions extends Partial<Omit<AppOptions, 'config'>> {
  /** Fastify's logger option (tests that inspect logs pass a stream). */
  logger?: FastifyServerOptions['logger'];
}

/** The real app on its own tables in the run's DynamoDB Local, driven through app.inject. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const { logger, ...appOptions } = options;
  const data = appOptions.data ?? (await createTestDataLayer());
  const config = loadConfig({
    APP_ENV: 'local',
    LOG_LEVEL: 'silent',
    IMAGES_DIR: mkdtempSync(join(tmpdir(), 'api-images-')),
    WEB_DIST: join(tmpdir(), 'no-web-build'),
    CATALOG_CACHE_TTL_MS: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });
  const server = Fastify({
    ...serverOptionsFor(config),
    ...(logger === undefined ? {} : { logger }),
  });
  await server.register(app, { ...appOptions, config, data });
  await server.ready();

  const signIn = async (email: string, password: string) => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    return response.json<AuthResponse>();
  };

  const request: TestApp['request'] = ({ token, headers, ...rest }) =>
    server.inject({ ...rest, headers: { ...headers, ...(token ? bearer(token) : {}) } });

  return {
    app: server,
    data,
    request,
    close: async () => {
      await server.close();
      if (!appOptions.data) data.close();
    },
    customer: async (name = 'Shopper') => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: uniqueEmail('shopper'), password: CUSTOMER_PASSWORD, name },
      });
      if (response.statusCode !== 201) throw new Error(`register failed: ${response.body}`);
      return response.json<AuthResponse>();
    },
    quickCustomer: async (name = 'Buyer') => {
      sharedHash ??= hashPassword(CUSTOMER_PASSWORD);
      const user = await data.users.create({
        email: uniqueEmail('buyer'),
        name,
        passwordHash: await sharedHash,
        role: 'customer',
      });
      return { user: toPublicUser(user), token: signToken({ sub: user.userId, role: user.role }) };
    },
    admin: async () => {
      const email = uniqueEmail('admin');
      await data.users.ensureAdmin(email, 'Admin', await hashPassword('admin password'));
      return signIn(email, 'admin password');
    },
    createProduct: async (adminToken, overrides = {}) => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/products',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: {
          name: 'Walnut desk',
          category: 'Furniture',
          price: 25_000,
          stock: 10,
          ...overrides,
        },
      });
      if (response.statusCode !== 201) throw new Error(`create product failed: ${response.body}`);
      return response.json<Product>();
    },
    addToCart: async (token, productId, quantity) => {
      const response = await request({
        method: 'PUT',
        url: `/api/cart/items/${productId}`,
        token,
        payload: { quantity },
      });
      if (response.statusCode !== 200)
        throw new Error(`add to cart failed: ${response.statusCode} ${response.body}`);
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Asserts the contract's error shape and returns the error object. */
export function errorOf(response: { statusCode: number; body: string; json: () => unknown }): {
  code: string;
  message: string;
  details?: unknown;
} {
  const body = response.json() as { error?: { code?: unknown; message?: unknown } };
  if (
    !body?.error ||
    typeof body.error.code !== 'string' ||
    typeof body.error.message !== 'string'
  ) {
    throw new Error(`not the contract's error shape (${response.statusCode}): ${response.body}`);
  }
  return body.error as { code: string; message: string; details?: unknown };
}
