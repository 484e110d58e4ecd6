import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { kettle, lamp, mug, product } from '../../testing/fixtures';
import { renderRoute } from '../../testing/render-route';
import { catalogHandlers, searchHandler, server } from '../../testing/server';

describe('search', () => {
  it('searches from the header box and shows the matches as product cards, the query in the URL', async () => {
    const queries: string[] = [];
    server.use(
      searchHandler([lamp, mug, kettle], queries),
      ...catalogHandlers([lamp, mug, kettle]),
    );
    const { user, location } = renderRoute('/');

    const search = await screen.findByRole('search');
    await user.type(within(search).getByRole('searchbox', { name: 'Search products' }), ' kitch ');
    await user.click(within(search).getByRole('button', { name: 'Search' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results for “kitch”' }),
    ).toBeInTheDocument();
    expect(location()).toBe('/search?q=kitch');
    const results = await screen.findByRole('list', { name: 'Products matching kitch' });
    const kettleCard = within(results).getByRole('heading', { name: 'Kettle' }).closest('article')!;
    expect(within(kettleCard).getByText('$35.00')).toBeInTheDocument();
    expect(within(kettleCard).getByRole('button', { name: 'Add to cart: Kettle' })).toBeEnabled();
    expect(within(results).getByRole('heading', { name: 'Coffee mug' })).toBeInTheDocument();
    expect(within(results).queryByRole('heading', { name: 'Desk lamp' })).not.toBeInTheDocument();
    // Sent trimmed, once.
    expect(queries).toEqual(['kitch']);
  });

  it('opens from a shared URL with the query in the box, and pages with "Load more"', async () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      product({ productId: `p${i}`, name: `Blue vase ${i}` }),
    );
    server.use(searchHandler(many));
    const { user } = renderRoute('/search?q=vase');

    expect(await screen.findByRole('heading', { name: 'Blue vase 11' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search products' })).toHaveValue('vase');
    expect(screen.queryByRole('heading', { name: 'Blue vase 12' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more products' }));
    expect(await screen.findByRole('heading', { name: 'Blue vase 14' })).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    server.use(searchHandler([lamp, mug]));
    renderRoute('/search?q=hammock');
    expect(await screen.findByText('No products match “hammock”.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'browse all products' })).toHaveAttribute('href', '/');
  });

  it('does not search for an empty query', async () => {
    // No handler: a request would fail the test.
    const { user, location } = renderRoute('/search?q=%20');
    expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
    expect(screen.getByText('Type a word in the search box to find products.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(location()).toBe('/search?q=%20');
  });
});
