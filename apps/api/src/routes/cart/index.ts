import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Cart,
  CartItemParams,
  SetCartItemBody,
  insufficientStock,
  notFound,
  type CartItem,
  type CartLine,
  type Product,
} from '@mini-ecommerce/domain';
import { priceCart } from '@mini-ecommerce/domain/rules';
import type { DataLayer } from '@mini-ecommerce/data';
import { bearerAuth, errorResponses } from '../../lib/schemas';

/**
 * The cart joined with product data in one BatchGetItem; lines whose product is gone are left out.
 * `known`: products already read (not read again); `lines`: the lines if already known.
 */
export async function cartView(
  data: DataLayer,
  userId: string,
  known: readonly Product[] = [],
  knownLines?: CartItem[],
): Promise<Cart> {
  const lines = knownLines ?? (await data.cart.lines(userId));
  const have = new Map(known.map((product) => [product.productId, product]));
  const missing = lines.map((line) => line.productId).filter((id) => !have.has(id));
  const products = missing.length ? await data.products.getMany(missing) : new Map();
  for (const [id, product] of have) products.set(id, product);
  const items: CartLine[] = lines.flatMap((line) => {
    const product = products.get(line.productId);
    return product ? [{ productId: line.productId, quantity: line.quantity, product }] : [];
  });
  const { subtotal, currency } = priceCart(items);
  return { items, subtotal, currency };
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
      const { userId } = request.user;
      // The product and the cart's lines at once; the lines are read once and the answer is built
      // from them and the write (no second read of the cart, no second read of this product).
      const [product, current] = await Promise.all([
        app.data.products.get(productId),
        app.data.cart.lines(userId),
      ]);
      if (!product) throw notFound('The product');
      if (quantity > product.stock) {
        throw insufficientStock([
          { productId, name: product.name, requested: quantity, available: product.stock },
        ]);
      }
      const lines = await app.data.cart.setQuantity(userId, productId, quantity, current);
      return cartView(app.data, userId, [product], lines);
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
