import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, IMAGE_TYPES, MAX_IMAGE_BYTES } from '@mini-ecommerce/domain';
import { LocalImageStore, hasImageMagicBytes } from '../../lib/images';
import { errorResponses } from '../../lib/schemas';

const UploadParams = z.object({
  '*': z.string().regex(/^products\/[A-Za-z0-9_-]+\/[A-Za-z0-9-]+\.[a-z]+$/),
});
const UploadQuery = z.object({
  contentType: z.string(),
  expires: z.coerce.number().int(),
  signature: z.string().min(1).max(200),
});

const invalidUrl = () =>
  new DomainError('FORBIDDEN', 'The upload URL is invalid or has expired; ask for a new one');
const usedUrl = () =>
  new DomainError('FORBIDDEN', 'The upload URL has already been used; ask for a new one');

/**
 * Receives the uploads that LocalImageStore presigns, so `npm start` needs no S3. Each URL stores
 * one file once: the key is fresh for every URL, and a key whose file exists is refused.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const store = app.images;
  if (!(store instanceof LocalImageStore)) return;
  const root = app.config.images.dir;

  /** Where a key's file lives, inside the images directory (the key's pattern allows no `..`). */
  const fileOf = (key: string) => {
    const target = normalize(join(root, key));
    if (!target.startsWith(root + sep)) throw invalidUrl();
    return target;
  };

  /**
   * onRequest, so before a byte of the body is read: the signature, the Content-Type it was
   * signed for, and that the URL has not been used yet.
   */
  const checkUploadUrl = async (request: FastifyRequest) => {
    const params = UploadParams.safeParse(request.params);
    const query = UploadQuery.safeParse(request.query);
    if (!params.success || !query.success) throw invalidUrl();
    const key = params.data['*'];
    const { contentType, expires, signature } = query.data;
    if (!store.verify(key, contentType, expires, signature)) throw invalidUrl();
    if (request.headers['content-type'] !== contentType) {
      throw new DomainError('VALIDATION_ERROR', `Upload the file with Content-Type ${contentType}`);
    }
    const used = await access(fileOf(key)).then(
      () => true,
      () => false,
    );
    if (used) throw usedUrl();
  };

  app.addContentTypeParser(
    Object.keys(IMAGE_TYPES),
    { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.put(
    '/*',
    {
      bodyLimit: MAX_IMAGE_BYTES,
      onRequest: checkUploadUrl,
      schema: {
        hide: true,
        params: UploadParams,
        querystring: UploadQuery,
        response: { 204: z.null(), ...errorResponses('FORBIDDEN') },
      },
    },
    async (request, reply) => {
      const key = request.params['*'];
      const { contentType } = request.query;
      const bytes = request.body as Buffer;
      if (!hasImageMagicBytes(contentType, bytes)) {
        throw new DomainError('VALIDATION_ERROR', `The file is not a ${contentType} image`);
      }
      const target = fileOf(key);
      await mkdir(dirname(target), { recursive: true });
      try {
        // `wx`: create only. Of two uploads racing on one URL, the second is refused.
        await writeFile(target, bytes, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw usedUrl();
        throw error;
      }
      return reply.status(204).send(null);
    },
  );
};

export default routes;
