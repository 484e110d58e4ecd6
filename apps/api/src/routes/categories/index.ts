import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CategoryList } from '@mini-ecommerce/domain';
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
    async () => ({ items: await app.catalogCache.get('categories', () => app.data.products.categories()) }),
  );
};

export default routes;
