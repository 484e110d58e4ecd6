import { hkdfSync } from 'node:crypto';
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
import { CatalogCache } from '../lib/catalog-cache';
import { LocalImageStore, S3ImageStore, type ImageStore } from '../lib/images';

declare module 'fastify' {
  interface FastifyInstance {
    data: DataLayer;
    catalogCache: CatalogCache;
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
    app.decorate('catalogCache', new CatalogCache(config.catalogCacheTtlMs));
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
  { name: 'repositories', dependencies: ['config'] },
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
