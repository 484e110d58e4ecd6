import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@mini-ecommerce/domain';
import { IMAGE_EXTENSIONS, LocalImageStore, MAX_IMAGE_BYTES } from '../../lib/images';
import { errorResponses } from '../../lib/schemas';

/** Receives the uploads that LocalImageStore presigns, so `npm start` needs no S3. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const store = app.images;
  if (!(store instanceof LocalImageStore)) return;

  app.addContentTypeParser(
    Object.keys(IMAGE_EXTENSIONS),
    { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.put(
    '/*',
    {
      bodyLimit: MAX_IMAGE_BYTES,
      schema: {
        hide: true,
        params: z.object({
          '*': z.string().regex(/^products\/[A-Za-z0-9_-]+\/[A-Za-z0-9-]+\.[a-z]+$/),
        }),
        querystring: z.object({
          contentType: z.string(),
          expires: z.coerce.number().int(),
          signature: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), ...errorResponses('FORBIDDEN') },
      },
    },
    async (request, reply) => {
      const key = request.params['*'];
      const { contentType, expires, signature } = request.query;
      if (!store.verify(key, contentType, expires, signature)) {
        throw new DomainError(
          'FORBIDDEN',
          'The upload URL is invalid or has expired; ask for a new one',
        );
      }
      if (request.headers['content-type'] !== contentType) {
        throw new DomainError(
          'VALIDATION_ERROR',
          `Upload the file with Content-Type ${contentType}`,
        );
      }
      const target = normalize(join(app.config.images.dir, key));
      if (!target.startsWith(app.config.images.dir))
        throw new DomainError('FORBIDDEN', 'Invalid key');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, request.body as Buffer);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
