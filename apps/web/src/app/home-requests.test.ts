import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { getCategories } from '../features/products/api/get-categories';
import { getProducts } from '../features/products/api/get-products';
import { server } from '../testing/server';
import { HOME_API_REQUESTS } from '../config/home-requests';

/** The path and query of every request the API answered while `run` ran. */
async function requested(run: () => Promise<unknown>): Promise<string[]> {
  const urls: string[] = [];
  server.use(
    http.get('*/api/*', ({ request }) => {
      const url = new URL(request.url);
      urls.push(`${url.pathname}${url.search}`);
      return HttpResponse.json({ items: [] });
    }),
  );
  await run();
  return urls;
}

describe('the home page requests index.html preloads', () => {
  it('are exactly the URLs the catalog asks for first, so the browser answers them from the preloads', async () => {
    expect(await requested(() => getProducts({}))).toEqual([HOME_API_REQUESTS[0]]);
    expect(await requested(() => getCategories())).toEqual([HOME_API_REQUESTS[1]]);
  });
});
