import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ImageUpload,
  ImageUploadRequest,
  Product,
  ProductCreate,
  ProductListQuery,
  ProductPage,
  ProductParams,
  ProductSearchPage,
  ProductSearchQuery,
  ProductUpdate,
  notFound,
} from '@mini-ecommerce/domain';
import { z } from 'zod';
import { sendSerialized, serializeBody, type SerializedBody } from '../../lib/catalog-cache';
import { errorResponses, signedIn } from '../../lib/schemas';

const routes: FastifyPluginAsyncZod = async (app) => {
  const { products } = app.data;
  const { catalogCache: cache, cachedPages } = app;
  const search = app.productSearch;

  app.get(
    '/',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List products, by category through CategoryIndex, paged with an opaque cursor',
        querystring: ProductListQuery,
        response: { 200: ProductPage, ...errorResponses() },
      },
    },
    // Not async: a cached first page (the busiest read of the shop) is answered at once.
    (request, reply) => {
      const { category, limit, cursor } = request.query;
      const load = async () =>
        serializeBody(
          reply,
          await (category
            ? products.listByCategory(category, limit, cursor)
            : products.listAll(limit, cursor)),
        );
      // Only first pages are cached: anyone can make up cursors, and each would hold a page.
      if (cursor)
        return load().then((page) => {
          sendSerialized(request, reply, page);
        });
      const key = `list\n${category ?? ''}\n${limit}`;
      // This URL's next requests are answered from the entry before routing (cached-pages.ts).
      const send = (page: SerializedBody) => cachedPages.send(request, reply, key, page);
      const hit = cache.peek<SerializedBody>(key);
      if (!hit) return cache.get(key, load).then(send);
      send(hit);
      return undefined;
    },
  );

  app.get(
    '/search',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'Search products by name, description and category (prefix and typo tolerant), best matches first',
        querystring: ProductSearchQuery,
        response: { 200: ProductSearchPage, ...errorResponses() },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      return search.search(q, limit, cursor);
    },
  );

  app.get(
    '/:productId',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One product',
        params: ProductParams,
        response: { 200: Product, ...errorResponses('NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const key = `product\n${request.params.productId}`;
      const product = await cache.get(key, async () => {
        const found = await products.get(request.params.productId);
        return found && serializeBody(reply, found);
      });
      if (!product) throw notFound('The product');
      cachedPages.send(request, reply, key, product);
      return reply;
    },
  );

  app.post(
    '/',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary: 'Create a product',
      body: ProductCreate,
      response: { 201: Product, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN') },
    }),
    async (request, reply) => {
      const product = await products.create(request.body);
      cache.clear();
      search.upsert(product);
      return reply.status(201).send(product);
    },
  );

  app.patch(
    '/:productId',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary: 'Change price, stock, name, description, category or image',
      params: ProductParams,
      body: ProductUpdate,
      response: {
        200: Product,
        ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'),
      },
    }),
    async (request) => {
      const product = await products.update(request.params.productId, request.body);
      cache.clear();
      search.upsert(product);
      return product;
    },
  );

  app.delete(
    '/:productId',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary: 'Delete a product',
      params: ProductParams,
      response: { 204: z.null(), ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
    }),
    async (request, reply) => {
      await products.delete(request.params.productId);
      cache.clear();
      search.remove(request.params.productId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:productId/image-upload',
    signedIn(app.requireAdmin, {
      tags: ['admin'],
      summary:
        'A presigned PUT URL for a product image; PATCH the product with imageUrl once uploaded',
      params: ProductParams,
      // No body at all (Fastify gives null, which .default() does not cover) means a JPEG.
      body: ImageUploadRequest.nullish(),
      response: { 200: ImageUpload, ...errorResponses('UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND') },
    }),
    async (request) => {
      const product = await products.get(request.params.productId, { consistent: true });
      if (!product) throw notFound('The product');
      // Built from configuration (PUBLIC_URL), never from the request's Host header.
      return app.images.createUpload(product.productId, request.body?.contentType ?? 'image/jpeg');
    },
  );
};

export default routes;
