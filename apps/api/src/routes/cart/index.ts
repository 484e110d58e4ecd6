import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Cart,
  CartItemParams,
  DEFAULT_CURRENCY,
  SetCartItemBody,
  cartSubtotal,
  insufficientStock,
  notFound,
  type CartLine,
} from '@mini-ecommerce/domain';
import type { DataLayer } from '@mini-ecommerce/data';
import { bearerAuth, errorResponses } from '../../lib/schemas';

/** The cart joined with product data in one BatchGetItem; lines whose product is gone are left out. */
export async function cartView(data: DataLayer, userId: string): Promise<Cart> {
  const lines = await data.cart.lines(userId);
  const products = await data.products.getMany(lines.map((line) => line.productId));
  const items: CartLine[] = lines.flatMap((line) => {
    const product = products.get(line.productId);
    return product ? [{ productId: line.productId, quantity: line.quantity, product }] : [];
  });
  return {
    items,
    subtotal: cartSubtotal(items),
    currency: items[0]?.product.currency ?? DEFAULT_CURRENCY,
  };
}

const routes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const auth = { tags: ['cart'], security: bearerAuth };

  app.get(
    '/',
    {
      schema: {
        ...auth,
        summary: "The caller's cart",
        response: { 200: Cart, ...errorResponses('UNAUTHORIZED') },
      },
    },
    async (request) => cartView(app.data, request.user.userId),
  );

  app.put(
    '/items/:productId',
    {
      schema: {
        ...auth,
        summary: 'Set the quantity of a product in the cart (1..99)',
        params: CartItemParams,
        body: SetCartItemBody,
        response: {
          200: Cart,
          ...errorResponses('UNAUTHORIZED', 'NOT_FOUND', 'INSUFFICIENT_STOCK'),
        },
      },
    },
    async (request) => {
      const { productId } = request.params;
      const { quantity } = request.body;
      const product = await app.data.products.get(productId);
      if (!product) throw notFound('The product');
      if (quantity > product.stock) {
        throw insufficientStock([
          { productId, name: product.name, requested: quantity, available: product.stock },
        ]);
      }
      await app.data.cart.setQuantity(request.user.userId, productId, quantity);
      return cartView(app.data, request.user.userId);
    },
  );

  app.delete(
    '/items/:productId',
    {
      schema: {
        ...auth,
        summary: 'Remove a product from the cart',
        params: CartItemParams,
        response: { 204: z.null(), ...errorResponses('UNAUTHORIZED') },
      },
    },
    async (request, reply) => {
      await app.data.cart.remove(request.user.userId, request.params.productId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/',
    {
      schema: {
        ...auth,
        summary: 'Empty the cart',
        response: { 204: z.null(), ...errorResponses('UNAUTHORIZED') },
      },
    },
    async (request, reply) => {
      await app.data.cart.clear(request.user.userId);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
