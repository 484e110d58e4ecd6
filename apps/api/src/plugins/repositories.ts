import { hkdfSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';
import { S3Client } from '@aws-sdk/client-s3';
import {
  createDataLayer,
  emptyCapacityTally,
  withCapacityTally,
  type CapacityUse,
  type DataLayer,
} from '@mini-ecommerce/data';
import type { FastifyInstance } from 'fastify';
import { CachedPages } from '../lib/cached-pages';
import { CatalogCache } from '../lib/catalog-cache';
import { LocalImageStore, S3ImageStore, type ImageStore } from '../lib/images';

declare module 'fastify' {
  interface FastifyInstance {
    data: DataLayer;
    catalogCache: CatalogCache;
    cachedPages: CachedPages;
    images: ImageStore;
  }
}

export interface RepositoriesOptions {
  /** A data layer built by the caller (tests, tools); otherwise one is built from config. */
  data?: DataLayer;
  images?: ImageStore;
}

export default fp<RepositoriesOptions>(
  async (app, options) => {
    const { config } = app;
    const data =
      options.data ??
      createDataLayer({
        env: config.env,
        region: config.region,
        ...(config.dynamoDbEndpoint ? { endpoint: config.dynamoDbEndpoint } : {}),
        meterCapacity: config.meterCapacity,
      });
    app.decorate('data', data);
    const catalogCache = new CatalogCache(config.catalogCacheTtlMs);
    app.decorate('catalogCache', catalogCache);
    const cachedPages = new CachedPages(catalogCache, {
      answered: (statusCode, url) => app.metrics.recordRequest(statusCode, url),
      // Fastify logs every routed request at info: so does a cached page, in one line.
      ...(['trace', 'debug', 'info'].includes(app.log.level)
        ? {
            log: (request: IncomingMessage, startedAt: number) =>
              app.log.info(
                {
                  reqId: request.headers['x-request-id'],
                  // The fields Fastify's request serializer reads (it logs `ip` as remoteAddress).
                  req: {
                    method: request.method,
                    url: request.url,
                    host: request.headers.host,
                    ip: request.socket.remoteAddress,
                    socket: request.socket,
                  },
                  forwardedFor: request.headers['x-forwarded-for'],
                  res: { statusCode: 200 },
                  responseTime: performance.now() - startedAt,
                },
                'request completed (cached page)',
              ),
          }
        : {}),
    });
    app.decorate('cachedPages', cachedPages);
    // The capacity meter reads every request's DynamoDB use in its hooks: all go through them.
    if (!config.meterCapacity) {
      app.addHook('onReady', async () => cachedPages.install(app.server));
      app.addHook('preClose', async () => cachedPages.close());
    }
    app.decorate(
      'images',
      options.images ??
        (config.images.bucket
          ? new S3ImageStore(
              new S3Client({ region: config.region }),
              config.images.bucket,
              config.region,
              config.images.baseUrl ?? config.webOrigin,
            )
          : // A key of its own, derived from the secret: an upload signature is never a JWT signature.
            new LocalImageStore(
              Buffer.from(hkdfSync('sha256', config.jwtSecret, '', 'local-image-uploads', 32)),
              config.publicUrl,
            )),
    );
    if (!options.data) app.addHook('onClose', async () => data.close());
    if (config.meterCapacity) meterRequests(app);
  },
  { name: 'repositories', dependencies: ['config', 'metrics'] },
);

const tallies = new WeakMap<object, CapacityUse>();

/**
 * The bench's capacity meter (DYNAMODB_CAPACITY=on): the DynamoDB calls of a request (its
 * authentication in onRequest, its handler from preHandler on, as the body is read in between
 * outside any scope) add to one tally, answered in `x-dynamodb-capacity`.
 */
function meterRequests(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const tally = emptyCapacityTally();
    tallies.set(request, tally);
    withCapacityTally(tally, done);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    withCapacityTally(tallies.get(request) ?? emptyCapacityTally(), done);
  });
  app.addHook('onSend', async (request, reply) => {
    const tally = tallies.get(request);
    if (tally)
      reply.header(
        'x-dynamodb-capacity',
        `read=${tally.read};write=${tally.write};calls=${tally.calls};transactWrite=${tally.transactWrite}`,
      );
  });
}
