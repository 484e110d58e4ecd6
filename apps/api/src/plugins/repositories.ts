import { hkdfSync } from 'node:crypto';
import fp from 'fastify-plugin';
import { S3Client } from '@aws-sdk/client-s3';
import { createDataLayer, type DataLayer } from '@mini-ecommerce/data';
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
  },
  { name: 'repositories', dependencies: ['config'] },
);
