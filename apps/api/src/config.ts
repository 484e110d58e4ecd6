import { resolve } from 'node:path';
import { z } from 'zod';
import { isIP } from 'node:net';
import {
  API_PORT,
  ENVIRONMENTS,
  LOCAL_DEFAULTS,
  TRUST_PROXY_MODES,
} from '@mini-ecommerce/stack-model';

const LOCAL_JWT_SECRET = 'local-development-secret-not-for-deployed-environments';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(API_PORT),
    HOST: optionalString,
    APP_ENV: z.enum(ENVIRONMENTS).default('local'),
    AWS_REGION: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1')
      .default('us-east-1'),
    DYNAMODB_ENDPOINT: optionalString.pipe(z.url().optional()),
    JWT_SECRET: optionalString.pipe(
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),
    JWT_EXPIRES_IN: z
      .string()
      .regex(/^\d+[smhd]$/, 'must look like 12h or 30m')
      .default('12h'),
    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(
      z.string().min(8, 'must be at least 8 characters').optional(),
    ),
    IMAGES_BUCKET: optionalString,
    /** Public base URL of the images bucket (CloudFront); defaults to the bucket's S3 URL. */
    IMAGES_BASE_URL: optionalString.pipe(z.url().optional()),
    /** Where images are stored and served from when no bucket is configured (local). */
    IMAGES_DIR: z.string().default(LOCAL_DEFAULTS.imagesDir),
    WEB_ORIGIN: optionalString.pipe(z.url().optional()),
    /** The built storefront to serve at `/`. */
    WEB_DIST: z.string().default('apps/web/dist'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Sign-in attempts per email from one client per window before that client is refused (429). */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Attempts per email from all clients per window after which each further one is delayed (never refused). */
    LOGIN_SLOW_AFTER: z.coerce.number().int().min(1).default(10),
    LOGIN_SLOW_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(2000),
    /** Which proxies' X-Forwarded-For to believe; `cloudfront` by default in the cloud environments. */
    TRUST_PROXY: z.enum(TRUST_PROXY_MODES).optional(),
    /** The shop's public origin, for URLs the API hands out (local uploads); never the request's Host. */
    PUBLIC_URL: optionalString.pipe(z.url().optional()),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /** How long catalog reads may be served from memory; stock and prices are never older than this. */
    CATALOG_CACHE_TTL_MS: z.coerce.number().int().min(0).default(1000),
    /** How often the search index checks DynamoDB for product writes made by other instances (its staleness bound). */
    SEARCH_REFRESH_MS: z.coerce.number().int().min(50).max(300_000).default(5000),
    /** Ask DynamoDB for the capacity each request consumes and answer it in `x-dynamodb-capacity` (the bench; off by default). */
    DYNAMODB_CAPACITY: z.enum(['on', 'off']).default('off'),
    /** Emit CloudWatch Embedded Metric Format lines (on by default outside local). */
    METRICS: z.enum(['on', 'off']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV !== 'local' && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: `is required when APP_ENV is ${env.APP_ENV}`,
      });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD are set together',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

const LOOPBACK_NAMES = new Set(['localhost', '::1']);
/** Only this machine can connect to an API that listens here. */
export function isLoopbackHost(host: string): boolean {
  if (LOOPBACK_NAMES.has(host.toLowerCase())) return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

export interface Config {
  port: number;
  host: string;
  env: Env['APP_ENV'];
  region: string;
  dynamoDbEndpoint?: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  admin?: { email: string; password: string };
  images: { bucket?: string; baseUrl?: string; dir: string };
  webOrigin?: string;
  webDist: string;
  logLevel: Env['LOG_LEVEL'];
  login: { maxFailures: number; windowMs: number; slowAfter: number; slowDelayMs: number };
  trustProxy: (typeof TRUST_PROXY_MODES)[number];
  /** Origin of the URLs the API hands out (local image uploads). */
  publicUrl: string;
  authRateLimitPerMinute: number;
  catalogCacheTtlMs: number;
  searchRefreshMs: number;
  metrics: boolean;
  /** DYNAMODB_CAPACITY=on: answer each request's consumed capacity in `x-dynamodb-capacity`. */
  meterCapacity: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; every bad variable is named in one error. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
      ),
    );
  }
  const env = parsed.data;
  // Locally only this machine may connect; on EC2 the load balancer / security group decides.
  const host =
    env.HOST ?? (env.APP_ENV === 'local' ? LOCAL_DEFAULTS.host : LOCAL_DEFAULTS.deployedHost);
  // The built-in secret is public (it is in this file): tokens signed with it are forgeable by
  // anyone who can reach the API, so it is only good where nobody else can.
  if (!env.JWT_SECRET && !isLoopbackHost(host)) {
    throw new ConfigError([
      `JWT_SECRET is required when the API listens on ${host}: the built-in secret is only for loopback`,
    ]);
  }
  return {
    port: env.PORT,
    host,
    env: env.APP_ENV,
    region: env.AWS_REGION,
    ...(env.DYNAMODB_ENDPOINT ? { dynamoDbEndpoint: env.DYNAMODB_ENDPOINT } : {}),
    jwtSecret: env.JWT_SECRET ?? LOCAL_JWT_SECRET,
    jwtExpiresIn: env.JWT_EXPIRES_IN,
    ...(env.ADMIN_EMAIL && env.ADMIN_PASSWORD
      ? { admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } }
      : {}),
    images: {
      ...(env.IMAGES_BUCKET ? { bucket: env.IMAGES_BUCKET } : {}),
      ...(env.IMAGES_BASE_URL ? { baseUrl: env.IMAGES_BASE_URL } : {}),
      dir: resolve(env.IMAGES_DIR),
    },
    ...(env.WEB_ORIGIN ? { webOrigin: env.WEB_ORIGIN } : {}),
    webDist: resolve(env.WEB_DIST),
    logLevel: env.LOG_LEVEL,
    login: {
      maxFailures: env.LOGIN_MAX_FAILURES,
      windowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
      slowAfter: env.LOGIN_SLOW_AFTER,
      slowDelayMs: env.LOGIN_SLOW_DELAY_MS,
    },
    trustProxy: env.TRUST_PROXY ?? (env.APP_ENV === 'local' ? 'none' : 'cloudfront'),
    publicUrl: (
      env.PUBLIC_URL ??
      env.WEB_ORIGIN ??
      `http://${isLoopbackHost(host) ? 'localhost' : host}:${env.PORT}`
    ).replace(/\/$/, ''),
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    catalogCacheTtlMs: env.CATALOG_CACHE_TTL_MS,
    searchRefreshMs: env.SEARCH_REFRESH_MS,
    metrics: env.METRICS ? env.METRICS === 'on' : env.APP_ENV !== 'local',
    meterCapacity: env.DYNAMODB_CAPACITY === 'on',
  };
}
