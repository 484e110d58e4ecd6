import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CategoryList } from '@mini-ecommerce/domain';
import { sendSerialized, serializeBody } from '../../lib/catalog-cache';
import { errorResponses } from '../../lib/schemas';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Categories with the number of products in each',
        response: { 200: CategoryList, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const categories = await app.catalogCache.get('categories', async () =>
        serializeBody(reply, { items: await app.data.products.categories() }),
      );
      return sendSerialized(request, reply, categories);
    },
  );
};

export default routes;
