import { resolve } from 'node:path';
import { z } from 'zod';
import { API_PORT, ENVIRONMENTS } from '@mini-ecommerce/stack-model';

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
    IMAGES_DIR: z.string().default('.data/images'),
    WEB_ORIGIN: optionalString.pipe(z.url().optional()),
    /** The built storefront to serve at `/`. */
    WEB_DIST: z.string().default('apps/web/dist'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    /** How long catalog reads may be served from memory; stock and prices are never older than this. */
    CATALOG_CACHE_TTL_MS: z.coerce.number().int().min(0).default(1000),
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
  login: { maxFailures: number; windowMs: number };
  authRateLimitPerMinute: number;
  catalogCacheTtlMs: number;
  metrics: boolean;
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
  return {
    port: env.PORT,
    // Locally only this machine may connect; on EC2 the load balancer / security group decides.
    host: env.HOST ?? (env.APP_ENV === 'local' ? '127.0.0.1' : '0.0.0.0'),
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
    login: { maxFailures: env.LOGIN_MAX_FAILURES, windowMs: env.LOGIN_WINDOW_MINUTES * 60_000 },
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    catalogCacheTtlMs: env.CATALOG_CACHE_TTL_MS,
    metrics: env.METRICS ? env.METRICS === 'on' : env.APP_ENV !== 'local',
  };
}
