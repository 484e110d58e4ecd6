import { performance } from 'node:perf_hooks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Order,
  OrderListQuery,
  OrderNumberParams,
  OrderPage,
  OrderParams,
  OrderStatusUpdate,
  PlaceOrderBody,
  PlaceOrderHeaders,
  normalizeOrderNumber,
  notFound,
  toShippingAddress,
  validationError,
} from '@mini-ecommerce/domain';
import { errorResponses, signedIn } from '../../lib/schemas';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['orders'];

  app.post(
    '/',
    signedIn(app.authenticate, {
      tags,
      summary:
        "Place an order from the caller's cart, delivered to a saved address (addressId) or one sent inline (address); the same Idempotency-Key returns the same order",
      headers: PlaceOrderHeaders,
      body: PlaceOrderBody,
      response: {
        201: Order,
        ...errorResponses('UNAUTHORIZED', 'VALIDATION_ERROR', 'INSUFFICIENT_STOCK'),
      },
    }),
    async (request, reply) => {
      const started = performance.now();
      const key = request.headers['idempotency-key'];
      const { userId } = request.user;
      const { addressId, address } = request.body;
      const saved = addressId ? await app.data.addresses.get(userId, addressId) : undefined;
      if (addressId && !saved) {
        throw validationError('The delivery address is not in your address book', {
          field: 'addressId',
        });
      }
      const shippingAddress = toShippingAddress((saved ?? address) as NonNullable<typeof address>);
      const { order, replayed } = await app.data.orders.place(userId, {
        shippingAddress,
        customer: {
          name: request.user.account?.name ?? '',
          email: request.user.account?.email ?? '',
        },
        ...(key ? { idempotencyKey: key } : {}),
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      else {
        app.metrics.recordOrderPlaced(performance.now() - started);
        // Stock changed: cached catalog pages on this instance must not show the old figure.
        app.catalogCache.clear();
      }
      return reply.status(201).send(order);
    },
  );

  app.get(
    '/',
    signedIn(app.authenticate, {
      tags,
      summary: "The caller's orders, newest first, through UserOrdersIndex",
      querystring: OrderListQuery,
      response: { 200: OrderPage, ...errorResponses('UNAUTHORIZED') },
    }),
    async (request) =>
      app.data.orders.listForUser(request.user.userId, request.query.limit, request.query.cursor),
  );

  app.get(
    '/by-number/:number',
    signedIn(app.authenticate, {
      tags,
      summary:
        "One of the caller's orders by its number (`7KQ2-M4XD`, any case, with or without `#` and the hyphen); an admin may read any",
      params: OrderNumberParams,
      response: { 200: Order, ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
    }),
    async (request) => {
      const number = normalizeOrderNumber(request.params.number);
      const order = number ? await app.data.orders.getByNumber(number) : undefined;
      if (!order || order.userId !== request.user.userId) {
        // An admin's role was checked against the users table by authenticate.
        if (!order || request.user.role !== 'admin') throw notFound('The order');
      }
      return order;
    },
  );

  app.get(
    '/:orderId',
    signedIn(app.authenticate, {
      tags,
      summary: "One of the caller's orders (another user's order is 404)",
      params: OrderParams,
      response: { 200: Order, ...errorResponses('UNAUTHORIZED', 'NOT_FOUND') },
    }),
    async (request) => {
      const order = await app.data.orders.get(request.params.orderId);
      if (!order) throw notFound('The order');
      if (order.userId !== request.user.userId) {
        // Only an admin may read another user's order; `authenticate` took the role from the
        // users table (a demoted admin's token still says admin until it expires).
        if (request.user.role !== 'admin') throw notFound('The order');
      }
      return order;
    },
  );

  app.patch(
    '/:orderId',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary: 'Move an order along PLACED, PAID, SHIPPED, DELIVERED, or to CANCELLED (restocks)',
      params: OrderParams,
      body: OrderStatusUpdate,
      response: {
        200: Order,
        ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
      },
    }),
    async (request) => {
      const order = await app.data.orders.updateStatus(request.params.orderId, request.body.status);
      if (request.body.status === 'CANCELLED') app.catalogCache.clear();
      return order;
    },
  );
};

export default routes;
