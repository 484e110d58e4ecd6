import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminOrderListQuery, OrderPage } from '@mini-ecommerce/domain';
import { bearerAuth, errorResponses } from '../../lib/schemas';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders',
    {
      preHandler: app.requireAdmin,
      schema: {
        tags: ['admin'],
        security: bearerAuth,
        summary: 'All orders, newest first, optionally of one status',
        querystring: AdminOrderListQuery,
        response: { 200: OrderPage, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN') },
      },
    },
    async (request) => {
      const { limit, cursor, status } = request.query;
      return app.data.orders.listAll(limit, cursor, status);
    },
  );
};

export default routes;
