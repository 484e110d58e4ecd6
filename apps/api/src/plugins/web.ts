import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { ErrorBody } from '@mini-ecommerce/domain';
import { WEB_CACHE_CONTROL, webCacheControl } from '@mini-ecommerce/stack-model';
import { isDataPath } from '../lib/paths';

/**
 * Serves the built storefront at `/`: fingerprinted assets are immutable, index.html is never
 * cached, and every non-API path answers index.html so client-side routes survive a reload.
 * Uploaded images (local storage) are served from /images/.
 */
export default fp(
  async (app) => {
    const { webDist, images } = app.config;
    const hasWeb = existsSync(join(webDist, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: webDist,
        prefix: '/',
        wildcard: false,
        index: false,
        // The storefront build writes .br/.gz beside each text asset (apps/web/vite.config.ts).
        preCompressed: true,
        // Our setHeaders decides caching; send's default (max-age=0) would override it.
        cacheControl: false,
        // The same policy web:deploy gives the files in the website bucket.
        setHeaders: (res, path) => {
          res.setHeader('cache-control', webCacheControl(relative(webDist, path)));
        },
      });
      app.get('/', { schema: { hide: true } }, (_request, reply) =>
        reply.header('cache-control', WEB_CACHE_CONTROL.revalidate).sendFile('index.html', webDist),
      );
    }
    await app.register(fastifyStatic, {
      root: images.dir,
      prefix: '/images/',
      decorateReply: !hasWeb,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('cache-control', WEB_CACHE_CONTROL.images),
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const isApi = isDataPath(path) || path.startsWith('/docs');
      if (!isApi && request.method === 'GET' && hasWeb) {
        return reply
          .header('cache-control', WEB_CACHE_CONTROL.revalidate)
          .sendFile('index.html', webDist);
      }
      if (!isApi && request.method === 'GET' && !hasWeb) {
        return reply
          .status(404)
          .type('text/plain')
          .send(
            'The storefront is not built yet: run "npx nx run web:build" (npm start does this for you).',
          );
      }
      const body: ErrorBody = {
        error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${path}` },
      };
      return reply.status(404).send(body);
    });
  },
  { name: 'web', dependencies: ['config'] },
);
