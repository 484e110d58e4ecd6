import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Address } from '@mini-ecommerce/domain';
import { customer, kettle, lamp } from '../../testing/fixtures';
import { fakeShop } from '../../testing/fake-shop';
import { renderRoute } from '../../testing/render-route';
import { server } from '../../testing/server';

const home: Address = {
  addressId: 'addr-home',
  name: 'Casey Customer',
  line1: '1 Elm Street',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
  isDefault: true,
};
const office: Address = {
  addressId: 'addr-office',
  name: 'Casey Customer',
  line1: '9 Market Square',
  line2: 'Floor 3',
  city: 'Leeds',
  postalCode: 'LS1 6AA',
  country: 'GB',
  isDefault: false,
};

function shopWithCart(lines: Record<string, number>, addresses: Address[] = [home]) {
  const shop = fakeShop({
    products: [lamp, kettle],
    accounts: [{ user: customer, password: 'secret-pass' }],
  });
  const account = shop.accountByEmail(customer.email)!;
  for (const [id, quantity] of Object.entries(lines)) account.cart.set(id, quantity);
  account.addresses.push(...addresses.map((a) => ({ ...a })));
  return { shop, token: account.token };
}

const orderPosts = (shop: ReturnType<typeof fakeShop>) =>
  shop.requests.filter((r) => r.method === 'POST' && r.path === '/api/orders');

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
    const placed = (await screen.findByText(/has been placed/)).closest('p')!;
    expect(placed).toHaveTextContent('Your order #7KQ2-0001 has been placed.');
    // The number once, with the items, the total and where it goes.
    expect(screen.getAllByText(/7KQ2-0001/)).toHaveLength(1);
    const items = screen.getByRole('table', { name: 'Items in this order' });
    expect(within(items).getByText('Desk lamp')).toBeInTheDocument();
    expect(within(items).getByText('$94.50')).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Delivery address' }).querySelector('address'),
    ).not.toBeNull();
    const posts = shop.requests.filter((r) => r.method === 'POST' && r.path === '/api/orders');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    // However many requests a double click made, they carry one key, so there is one order.
    expect(new Set(posts.map((r) => r.headers.get('idempotency-key'))).size).toBe(1);
    expect(posts[0]!.headers.get('idempotency-key')).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(shop.orders).toHaveLength(1);
    // The default address was preselected.
    expect(posts[0]!.body).toEqual({ addressId: 'addr-home' });
    expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeInTheDocument();
  });

  it('delivers to another saved address when the shopper picks it', async () => {
    const { shop } = shopWithCart({ kettle: 1 }, [home, office]);
    server.use(...shop.handlers);
    const { user } = await signInAt('/checkout');
    const group = await screen.findByRole('group', { name: 'Delivery address' });
    expect(within(group).getByRole('radio', { name: /1 Elm Street/ })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: /9 Market Square/ }));
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you for your order' });
    expect(orderPosts(shop).map((r) => r.body)).toEqual([{ addressId: 'addr-office' }]);
  });

  it('asks a shopper without saved addresses for one, saves it and shows it on the order', async () => {
    const { shop } = shopWithCart({ kettle: 1 }, []);
    server.use(...shop.handlers);
    const { user } = await signInAt('/checkout');
    await screen.findByRole('group', { name: 'Delivery address' });
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter the delivery address: full name, address line 1, city, postal code and country.',
    );
    expect(orderPosts(shop)).toHaveLength(0);

    await user.type(screen.getByLabelText('Full name'), 'Casey Customer');
    await user.type(screen.getByLabelText('Address line 1'), '5 Rue de la Paix');
    await user.type(screen.getByLabelText('City'), 'Paris');
    await user.type(screen.getByLabelText('Postal code'), '75002');
    await user.selectOptions(screen.getByLabelText('Country'), 'France');
    expect(screen.getByLabelText('Save this address for my next orders')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you for your order' });

    const account = shop.accountByEmail(customer.email)!;
    expect(account.addresses).toEqual([
      expect.objectContaining({ line1: '5 Rue de la Paix', country: 'FR', isDefault: true }),
    ]);
    expect(orderPosts(shop).map((r) => r.body)).toEqual([{ addressId: 'addr-1' }]);

    await user.click(screen.getByRole('link', { name: 'Orders' }));
    await user.click(await screen.findByRole('link', { name: 'Order #7KQ2-0001' }));
    const details = await screen.findByRole('region', { name: 'Order #7KQ2-0001' });
    const address = within(details).getByText('5 Rue de la Paix').closest('address')!;
    expect(address).toHaveTextContent('Casey Customer');
    expect(address).toHaveTextContent('75002 Paris');
    expect(address).toHaveTextContent('France');
  });

  it('sends a new address inline when the shopper does not save it', async () => {
    const { shop } = shopWithCart({ kettle: 1 }, [home]);
    server.use(...shop.handlers);
    const { user } = await signInAt('/checkout');
    await user.click(await screen.findByRole('radio', { name: 'A new address' }));
    await user.type(screen.getByLabelText('Full name'), 'A Friend');
    await user.type(screen.getByLabelText('Address line 1'), '2 Oak Road');
    await user.type(screen.getByLabelText('City'), 'Dublin');
    await user.type(screen.getByLabelText('Postal code'), 'D02 X285');
    await user.selectOptions(screen.getByLabelText('Country'), 'Ireland');
    await user.click(screen.getByLabelText('Save this address for my next orders'));
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you for your order' });
    expect(orderPosts(shop).map((r) => r.body)).toEqual([
      {
        address: {
          name: 'A Friend',
          line1: '2 Oak Road',
          city: 'Dublin',
          postalCode: 'D02 X285',
          country: 'IE',
        },
      },
    ]);
    expect(shop.accountByEmail(customer.email)!.addresses).toHaveLength(1);
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
    await screen.findByText(/has been placed/);

    await user.click(screen.getByRole('link', { name: 'Orders' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your orders' })).toHaveFocus();
    const list = await screen.findByRole('list', { name: 'Your orders' });
    expect(within(list).getByText('Placed')).toBeInTheDocument();
    const entry = within(list).getByRole('listitem');
    expect(entry).toHaveTextContent(/2 items/);
    expect(entry).toHaveTextContent('$70.00');

    await user.click(within(list).getByRole('link', { name: 'Order #7KQ2-0001' }));
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
