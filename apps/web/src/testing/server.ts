import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Product } from '@mini-ecommerce/domain';

export const server = setupServer();

export function errorResponse(status: number, code: string, message: string, details?: unknown) {
  return HttpResponse.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    { status },
  );
}

/** The public catalog endpoints, answered from a fixed list. */
export function catalogHandlers(products: Product[]) {
  return [
    http.get('/api/categories', () => {
      const counts = new Map<string, number>();
      for (const p of products) counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
      return HttpResponse.json({
        items: [...counts].map(([category, count]) => ({ category, count })),
      });
    }),
    http.get('/api/products', ({ request }) => {
      const url = new URL(request.url);
      const category = url.searchParams.get('category');
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const matching = products.filter((p) => !category || p.category === category);
      const items = matching.slice(start, start + limit);
      const next = start + limit < matching.length ? String(start + limit) : null;
      return HttpResponse.json({ items, nextCursor: next });
    }),
    http.get('/api/products/:productId', ({ params }) => {
      const found = products.find((p) => p.productId === params['productId']);
      return found
        ? HttpResponse.json(found)
        : errorResponse(404, 'NOT_FOUND', 'Product was not found');
    }),
  ];
}

/**
 * `GET /api/products/search`, answered by a naive word-prefix match over a fixed list (the
 * ranking and typo tolerance are the API's, tested there); records each query string it gets.
 * Pass it before catalogHandlers, whose `/api/products/:productId` would match first otherwise.
 */
export function searchHandler(products: Product[], queries: string[] = []) {
  return http.get('/api/products/search', ({ request }) => {
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    queries.push(q);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const matching = products.filter((p) => {
      const text = `${p.name} ${p.description} ${p.category}`.toLowerCase().split(/\W+/);
      return words.every((word) => text.some((w) => w.startsWith(word)));
    });
    const items = matching.slice(start, start + limit);
    const next = start + limit < matching.length ? String(start + limit) : null;
    return HttpResponse.json({ items, nextCursor: next });
  });
}
