import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { customer, kettle, lamp } from '../../testing/fixtures';
import { fakeShop } from '../../testing/fake-shop';
import { renderRoute } from '../../testing/render-route';
import { server } from '../../testing/server';

function shopWithCart(lines: Record<string, number>) {
  const shop = fakeShop({
    products: [lamp, kettle],
    accounts: [{ user: customer, password: 'secret-pass' }],
  });
  const account = shop.accountByEmail(customer.email)!;
  for (const [id, quantity] of Object.entries(lines)) account.cart.set(id, quantity);
  return { shop, token: account.token };
}

async function signInAt(path: string) {
  const rendered = renderRoute(`/sign-in?next=${encodeURIComponent(path)}`);
  await rendered.user.type(await screen.findByLabelText('Email'), customer.email);
  await rendered.user.type(screen.getByLabelText('Password'), 'secret-pass');
  await rendered.user.click(screen.getByRole('button', { name: 'Sign in' }));
  return rendered;
}

describe('checkout', () => {
  it('sends a guest to sign in first', async () => {
    server.use(...fakeShop({ products: [] }).handlers);
    const { location } = renderRoute('/checkout');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(location()).toBe('/sign-in?next=%2Fcheckout');
  });

  it('reviews the cart, places the order once and confirms it', async () => {
    const { shop } = shopWithCart({ lamp: 1, kettle: 2 });
    server.use(...shop.handlers);
    const { user, location } = await signInAt('/checkout');

    const review = await screen.findByRole('table', { name: 'Items to order' });
    expect(within(review).getByText('Desk lamp')).toBeInTheDocument();
    expect(within(review).getByText('$94.50')).toBeInTheDocument();

    const place = screen.getByRole('button', { name: 'Place order' });
    await user.dblClick(place);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Thank you for your order' }),
    ).toBeInTheDocument();
    expect(location()).toBe('/checkout/confirmation/ord-1');
    expect(await screen.findByText('Your order ord-1 has been placed.')).toBeInTheDocument();
    const posts = shop.requests.filter((r) => r.method === 'POST' && r.path === '/api/orders');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    // However many requests a double click made, they carry one key, so there is one order.
    expect(new Set(posts.map((r) => r.headers.get('idempotency-key'))).size).toBe(1);
    expect(posts[0]!.headers.get('idempotency-key')).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(shop.orders).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeInTheDocument();
  });

  it('retries a lost response with the same idempotency key', async () => {
    const { shop } = shopWithCart({ kettle: 1 });
    const [recordAll, ...routes] = shop.handlers;
    // The first order request is lost on the way (after it was recorded).
    server.use(
      recordAll!,
      http.post('/api/orders', () => HttpResponse.error(), { once: true }),
      ...routes,
    );
    const { user } = await signInAt('/checkout');
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the shop');
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Thank you for your order' }),
    ).toBeInTheDocument();
    const keys = shop.requests
      .filter((r) => r.method === 'POST' && r.path === '/api/orders')
      .map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('names the products that ran out', async () => {
    const { shop } = shopWithCart({ lamp: 1, kettle: 2 });
    server.use(...shop.handlers);
    const { user } = await signInAt('/checkout');
    await screen.findByRole('table', { name: 'Items to order' });
    // Someone else bought the lamps meanwhile.
    shop.catalog.find((p) => p.productId === 'lamp')!.stock = 0;
    await user.click(screen.getByRole('button', { name: 'Place order' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some items ran out before we could place your order.');
    expect(alert).toHaveTextContent('Desk lamp: you asked for 1, none are left.');
    expect(within(alert).getByRole('link', { name: 'Update your cart' })).toHaveAttribute(
      'href',
      '/cart',
    );
    expect(shop.orders).toHaveLength(0);
  });

  it('shows the empty cart instead of a place-order button', async () => {
    const { shop } = shopWithCart({});
    server.use(...shop.handlers);
    await signInAt('/checkout');
    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Place order' })).not.toBeInTheDocument();
  });
});

describe('orders', () => {
  it('lists past orders and opens one', async () => {
    const { shop } = shopWithCart({ kettle: 2 });
    server.use(...shop.handlers);
    const { user } = await signInAt('/checkout');
    await user.click(await screen.findByRole('button', { name: 'Place order' }));
    await screen.findByText('Your order ord-1 has been placed.');

    await user.click(screen.getByRole('link', { name: 'Orders' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your orders' })).toHaveFocus();
    const list = await screen.findByRole('list', { name: 'Your orders' });
    expect(within(list).getByText('Placed')).toBeInTheDocument();
    expect(within(list).getByText(/2 items · \$70\.00/)).toBeInTheDocument();

    await user.click(within(list).getByRole('link', { name: 'Order ord-1' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Order details' }),
    ).toBeInTheDocument();
    const items = await screen.findByRole('table', { name: 'Items in this order' });
    expect(within(items).getByRole('link', { name: 'Kettle' })).toHaveAttribute(
      'href',
      '/products/kettle',
    );
    expect(within(items).getAllByText('$70.00')).toHaveLength(2);
  });

  it('says when an order does not exist', async () => {
    const { shop } = shopWithCart({});
    server.use(...shop.handlers);
    await signInAt('/orders/nope');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Order not found' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('There is no order nope in your account.')).toBeInTheDocument(),
    );
  });
});
