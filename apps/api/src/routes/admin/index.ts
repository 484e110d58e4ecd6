import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminOrderListQuery,
  AdminSummary,
  AdminSummaryQuery,
  OrderPage,
} from '@mini-ecommerce/domain';
import { errorResponses, signedIn } from '../../lib/schemas';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orders',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary: 'All orders, newest first, optionally of one status',
      querystring: AdminOrderListQuery,
      response: { 200: OrderPage, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN') },
    }),
    async (request) => {
      const { limit, cursor, status } = request.query;
      return app.data.orders.listAll(limit, cursor, status);
    },
  );

  app.get(
    '/summary',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary:
        'The shop today and over 7 days (per currency), orders waiting to ship, low stock, the 10 newest orders; from counters and feeds, never a Scan',
      querystring: AdminSummaryQuery,
      response: { 200: AdminSummary, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN') },
    }),
    async (request) => app.data.summary.summary(request.query.lowStock),
  );
};

export default routes;
