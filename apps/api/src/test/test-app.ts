import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DataLayer } from '@mini-ecommerce/data';
import { createTestDataLayer } from '@mini-ecommerce/data/testing';
import type { AuthResponse, Product, ProductCreate } from '@mini-ecommerce/domain';
import app, { serverOptions, type AppOptions } from '../app';
import { loadConfig } from '../config';
import { hashPassword } from '../lib/passwords';

export interface TestApp {
  app: FastifyInstance;
  data: DataLayer;
  close(): Promise<void>;
  /** Registers a new customer through the API and returns the response body. */
  customer(name?: string): Promise<AuthResponse>;
  /** An admin account (created in the data layer) signed in through the API. */
  admin(): Promise<AuthResponse>;
  createProduct(adminToken: string, overrides?: Partial<ProductCreate>): Promise<Product>;
}

let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}${Date.now()}${(counter += 1)}@example.com`;

/** The real app on its own tables in the run's DynamoDB Local, driven through app.inject. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: Partial<Omit<AppOptions, 'config'>> = {},
): Promise<TestApp> {
  const data = options.data ?? (await createTestDataLayer());
  const config = loadConfig({
    APP_ENV: 'local',
    LOG_LEVEL: 'silent',
    IMAGES_DIR: mkdtempSync(join(tmpdir(), 'api-images-')),
    WEB_DIST: join(tmpdir(), 'no-web-build'),
    CATALOG_CACHE_TTL_MS: '0',
    ...env,
  });
  const server = Fastify(serverOptions);
  await server.register(app, { ...options, config, data });
  await server.ready();

  const signIn = async (email: string, password: string) => {
    const response = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
    return response.json<AuthResponse>();
  };

  return {
    app: server,
    data,
    close: async () => {
      await server.close();
      if (!options.data) data.close();
    },
    customer: async (name = 'Shopper') => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/auth/register',
        payload: { email: uniqueEmail('shopper'), password: 'correct horse battery', name },
      });
      if (response.statusCode !== 201) throw new Error(`register failed: ${response.body}`);
      return response.json<AuthResponse>();
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
        payload: { name: 'Walnut desk', category: 'Furniture', price: 25_000, stock: 10, ...overrides },
      });
      if (response.statusCode !== 201) throw new Error(`create product failed: ${response.body}`);
      return response.json<Product>();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
