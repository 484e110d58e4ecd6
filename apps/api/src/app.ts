import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DataLayer } from '@mini-ecommerce/data';
import { DomainError, internalError, validationError } from '@mini-ecommerce/domain';
import type { Config } from './config';
import { trustProxyFor } from './lib/client-address';
import type { ImageStore } from './lib/images';
import type { MetricsSink } from './lib/metrics';
import { hashPassword, verifyPassword } from './lib/passwords';
import { isDataPath } from './lib/paths';
import { requestLogger } from './lib/request-logger';
import { securityHeaders } from './lib/security-headers';
import { cachingValidatorCompiler } from './lib/validation';
import authPlugin from './plugins/auth';
import configPlugin from './plugins/config';
import errorHandler from './plugins/error-handler';
import metricsPlugin from './plugins/metrics';
import repositories from './plugins/repositories';
import search from './plugins/search';
import web from './plugins/web';
import adminRoutes from './routes/admin/index';
import authRoutes from './routes/auth/index';
import cartRoutes from './routes/cart/index';
import categoryRoutes from './routes/categories/index';
import healthRoutes from './routes/health/index';
import localUploadRoutes from './routes/local-uploads/index';
import orderRoutes from './routes/orders/index';
import productRoutes from './routes/products/index';
import userRoutes from './routes/users/index';
import { HEALTH_LIVE_PATH } from '@mini-ecommerce/stack-model';

export interface AppOptions {
  config: Config;
  /** Injected by tests and tools; built from config otherwise. */
  data?: DataLayer;
  images?: ImageStore;
  metricsSink?: MetricsSink;
}

/** Fastify server options that belong with the app (tests use them too). */
export const serverOptions = {
  bodyLimit: 1024 * 1024,
  // Behind a load balancer: keep connections longer than its idle timeout.
  keepAliveTimeout: 72_000,
  requestTimeout: 30_000,
  return503OnClosing: true,
  requestIdHeader: 'x-request-id',
  genReqId: () => crypto.randomUUID(),
  // Each request's child logger (bound to its id) is made when it first writes a line.
  childLoggerFactory: requestLogger,
  // Errors raised before routing (a malformed percent-encoding in the URL) bypass the error
  // handler; answer them in the contract's shape too.
  frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const answer =
      (error.statusCode ?? 500) < 500 ? validationError('The URL is not valid') : internalError();
    void reply.code(answer.status).send(answer.toBody());
  },
} as const;

/** The server options for this configuration: `serverOptions` plus which proxies to believe. */
export function serverOptionsFor(config: Pick<Config, 'trustProxy'>) {
  const trustProxy = trustProxyFor(config.trustProxy);
  return { ...serverOptions, ...(trustProxy ? { trustProxy } : {}) };
}

/** pino options for the API: JSON logs that never carry credentials (server.ts and tests use them). */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'password',
        'passwordHash',
        'token',
        '*.password',
        '*.passwordHash',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}

/** The whole API as one plugin: external plugins, then the app's own, then routes. */
export default async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(cachingValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Security headers: the same for every response of a kind, so computed once and added to each
  // reply (running helmet's middleware per request was a large share of a cached catalog read).
  // Pages (the storefront, /docs) get helmet's document policy.
  const documentHeaders = securityHeaders({
    // The storefront is a same-origin SPA; images may come from the images bucket / CloudFront.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'", 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // The API's answers are data no browser renders: what protects them is that nothing may load
  // or frame them, no sniffing, HTTPS only, and no cross-origin read (OWASP's REST headers). The
  // headers that only steer a document (opener, referrer, prefetch, legacy IE and Flash ones)
  // are left off: a fifth of the bytes, which the server and every client parse on each answer.
  const apiHeaders = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isDataPath(request.url) ? apiHeaders : documentHeaders);
    done();
  });

  // External plugins.
  // Without WEB_ORIGIN, CORS is off: @fastify/cors would only run a hook on every request that
  // does nothing (and answer preflights with the same 404 as no route at all).
  if (options.config.webOrigin) {
    await app.register(cors, {
      origin: options.config.webOrigin,
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
    });
  }
  await app.register(rateLimit, {
    global: false,
    // Thrown by the plugin, so it must be an error the error handler knows (a plain object became a 500).
    errorResponseBuilder: (_request, context) =>
      new DomainError('RATE_LIMITED', `Too many requests; try again in ${context.after}`, {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'mini-ecommerce API',
        version: '0.1.0',
        description: 'Catalog, accounts, cart, checkout and orders.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    // A resource's root route is registered as `/` under its prefix; document it as the contract's path (`/api/cart`, not `/api/cart/`).
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      return { ...output, url: output.url.length > 1 ? output.url.replace(/\/$/, '') : output.url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // The app's own plugins.
  await app.register(configPlugin, { config: options.config });
  await app.register(errorHandler);
  await app.register(metricsPlugin, options.metricsSink ? { sink: options.metricsSink } : {});
  await app.register(repositories, {
    ...(options.data ? { data: options.data } : {}),
    ...(options.images ? { images: options.images } : {}),
  });
  await app.register(search);
  await app.register(authPlugin);
  await app.register(web);

  // Routes: one folder per resource, the folder is the prefix.
  // The deploy gate and the load balancer poll HEALTH_READY_PATH under this prefix.
  await app.register(healthRoutes, { prefix: HEALTH_LIVE_PATH });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(categoryRoutes, { prefix: '/api/categories' });
  await app.register(productRoutes, { prefix: '/api/products' });
  await app.register(cartRoutes, { prefix: '/api/cart' });
  await app.register(orderRoutes, { prefix: '/api/orders' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(localUploadRoutes, { prefix: '/api/local-uploads' });

  const { admin } = options.config;
  if (admin) {
    app.addHook('onReady', async () => {
      let user;
      try {
        user = await app.data.users.ensureAdmin(
          admin.email,
          'Administrator',
          await hashPassword(admin.password),
        );
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
        // Someone registered ADMIN_EMAIL first: promoting it would hand them the shop. The shop
        // runs without an admin until the operator picks another ADMIN_EMAIL.
        app.log.error(
          { email: admin.email },
          'ADMIN_EMAIL belongs to an existing customer account that startup did not create: not made admin; set another ADMIN_EMAIL',
        );
        return;
      }
      // ADMIN_PASSWORD changed since the account was created: store it, and sign out older tokens.
      if (!(await verifyPassword(admin.password, user.passwordHash))) {
        await app.data.users.setPassword(user.userId, await hashPassword(admin.password));
      }
      app.log.info({ email: admin.email }, 'admin account ready');
    });
  }
}
