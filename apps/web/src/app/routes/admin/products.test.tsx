import { http, HttpResponse } from 'msw';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, kettle, lamp } from '../../../testing/fixtures';
import { fakeShop } from '../../../testing/fake-shop';
import { renderRoute } from '../../../testing/render-route';
import { errorResponse, server } from '../../../testing/server';

describe('admin product list', () => {
  it('keeps the products shown when the next page fails, and loads it on a second try', async () => {
    let nextPageCalls = 0;
    server.use(
      http.get('/api/products', ({ request }) => {
        if (!new URL(request.url).searchParams.get('cursor')) {
          return HttpResponse.json({ items: [lamp], nextCursor: 'page-2' });
        }
        nextPageCalls += 1;
        // The first try and the query client's two retries fail.
        return nextPageCalls <= 3
          ? errorResponse(503, 'UNAVAILABLE', 'The catalog is unavailable')
          : HttpResponse.json({ items: [kettle], nextCursor: null });
      }),
      ...fakeShop({
        products: [lamp, kettle],
        accounts: [{ user: admin, password: 'secret-pass' }],
      }).handlers,
    );
    const { user } = renderRoute('/admin/products', { user: admin });
    const table = await screen.findByRole('table', { name: 'Products' });
    expect(within(table).getByRole('row', { name: /Desk lamp/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more products' }));
    const alert = await screen.findByRole('alert', {}, { timeout: 8000 });
    expect(alert).toHaveTextContent(
      'More products could not be loaded. The catalog is unavailable',
    );
    expect(within(table).getByRole('row', { name: /Desk lamp/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more products' }));
    expect(await within(table).findByRole('row', { name: /Kettle/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more products' })).not.toBeInTheDocument();
  });
});
