import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TOAST_MS } from '../../components/ui/toast';
import { kettle, lamp, mug, product } from '../../testing/fixtures';
import { renderRoute } from '../../testing/render-route';
import { catalogHandlers, errorResponse, server } from '../../testing/server';

describe('catalog', () => {
  it('shows product cards with image, price, a stock message only when low or out, and a disabled button when sold out', async () => {
    server.use(...catalogHandlers([lamp, mug, kettle]));
    renderRoute('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'All products' }),
    ).toBeInTheDocument();
    const lampCard = (await screen.findByRole('heading', { name: 'Desk lamp' })).closest(
      'article',
    )!;
    // The card names the product once: its image is decorative, its heading is the name.
    const image = lampCard.querySelector('img')!;
    expect(image).toHaveAttribute('src', lamp.imageUrl);
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('width');
    expect(image).toHaveAttribute('height');
    expect(within(lampCard).getAllByText('Desk lamp')).toHaveLength(1);
    expect(within(lampCard).getByText('$24.50')).toBeInTheDocument();
    expect(within(lampCard).getByText('Only 3 left')).toBeInTheDocument();
    expect(within(lampCard).getByRole('button', { name: 'Add to cart: Desk lamp' })).toBeEnabled();

    const mugCard = screen.getByRole('heading', { name: 'Coffee mug' }).closest('article')!;
    expect(
      within(mugCard).getByRole('button', { name: 'Out of stock: Coffee mug' }),
    ).toBeDisabled();
    expect(within(mugCard).getByText('Out of stock', { selector: '.stock' })).toBeInTheDocument();
    // Plenty in stock says nothing (never "In stock (7)").
    const kettleCard = screen.getByRole('heading', { name: 'Kettle' }).closest('article')!;
    expect(kettleCard).not.toHaveTextContent(/stock/i);
    expect(within(kettleCard).getByText('$35.00')).toBeInTheDocument();
  });

  it('filters by category through the navigation and the URL', async () => {
    server.use(...catalogHandlers([lamp, mug, kettle]));
    const { user, location } = renderRoute('/');

    const nav = await screen.findByRole('navigation', { name: 'Categories' });
    await user.click(await within(nav).findByRole('link', { name: /Kitchen/ }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kitchen' })).toBeInTheDocument();
    expect(location()).toBe('/?category=Kitchen');
    expect(await screen.findByRole('heading', { name: 'Kettle' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Desk lamp' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: /Kitchen/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('pages through the catalog with the cursor', async () => {
    const many = Array.from({ length: 15 }, (_, i) =>
      product({ productId: `p${i}`, name: `Product ${i}` }),
    );
    server.use(...catalogHandlers(many));
    const { user } = renderRoute('/');

    expect(await screen.findByRole('heading', { name: 'Product 11' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Product 12' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more products' }));
    expect(await screen.findByRole('heading', { name: 'Product 14' })).toBeInTheDocument();
    // Focus lands on the first new product, and there is nothing more to load.
    await waitFor(() => expect(screen.getByRole('link', { name: 'Product 12' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Load more products' })).not.toBeInTheDocument();
  });

  it('mounts a page a few cards per task, each in a placeholder that keeps its room until then', async () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      product({ productId: `p${i}`, name: `Product ${i}` }),
    );
    server.use(...catalogHandlers(many));
    renderRoute('/');

    const list = await screen.findByRole('list', { name: 'Products' });
    // Every product has its grid cell from the first render; the cards fill them in.
    expect(list.children).toHaveLength(12);
    expect(await screen.findByRole('heading', { name: 'Product 11' })).toBeInTheDocument();
    expect(within(list).getAllByRole('article')).toHaveLength(12);
    expect(list.querySelector('.product-card--pending')).toBeNull();
  });

  it('says so when a category is empty', async () => {
    server.use(...catalogHandlers([]));
    renderRoute('/?category=Garden');
    expect(await screen.findByText('No products in Garden yet.')).toBeInTheDocument();
  });

  it('shows an error with a retry when the API fails', async () => {
    let calls = 0;
    server.use(
      ...catalogHandlers([lamp]).slice(0, 1),
      http.get('/api/products', () => {
        calls += 1;
        return calls <= 3
          ? errorResponse(503, 'UNAVAILABLE', 'The catalog is unavailable')
          : HttpResponse.json({ items: [lamp], nextCursor: null });
      }),
    );
    const { user } = renderRoute('/');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('The catalog is unavailable');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Desk lamp' })).toBeInTheDocument();
  });

  it('adds to the guest cart and counts the items in the header', async () => {
    server.use(...catalogHandlers([lamp, kettle]));
    const { user } = renderRoute('/');

    expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Kettle' }));
    expect(screen.getByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument();
    // One toast at a time, in the polite live region over the page, linking to the cart.
    const toast = screen
      .getByText(/Added Kettle to your cart\./)
      .closest<HTMLElement>('[role="status"]')!;
    expect(toast).toHaveAttribute('aria-live', 'polite');
    expect(toast).toHaveTextContent('Added Kettle to your cart.');
    expect(within(toast).getByRole('link', { name: 'View cart' })).toHaveAttribute('href', '/cart');
    expect(screen.queryByText(/Added Desk lamp/)).not.toBeInTheDocument();
  });

  it('dismisses the toast by itself, or at once with its close button', async () => {
    server.use(...catalogHandlers([kettle]));
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Kettle' }));
    expect(screen.getByText('Added Kettle to your cart.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Added Kettle to your cart.')).toBeNull(), {
      timeout: TOAST_MS + 2000,
    });

    await user.click(screen.getByRole('button', { name: 'Add to cart: Kettle' }));
    await user.click(await screen.findByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByText('Added Kettle to your cart.')).not.toBeInTheDocument();
  });

  it('never puts more in the cart than is in stock', async () => {
    server.use(...catalogHandlers([lamp]));
    const { user } = renderRoute('/');
    const add = await screen.findByRole('button', { name: 'Add to cart: Desk lamp' });
    for (let i = 0; i < 4; i++) await user.click(add);
    expect(screen.getByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument();
    expect(screen.getByText('Your cart already holds all 3 available.')).toBeInTheDocument();
  });
});
