import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { admin, customer, kettle, lamp, order } from '../../testing/fixtures';
import { fakeShop } from '../../testing/fake-shop';
import { renderRoute } from '../../testing/render-route';
import { server } from '../../testing/server';

async function signInAs(email: string, path: string) {
  const rendered = renderRoute(`/sign-in?next=${encodeURIComponent(path)}`);
  await rendered.user.type(await screen.findByLabelText('Email'), email);
  await rendered.user.type(screen.getByLabelText('Password'), 'secret-pass');
  await rendered.user.click(screen.getByRole('button', { name: 'Sign in' }));
  return rendered;
}

function shop() {
  return fakeShop({
    products: [lamp, kettle],
    accounts: [
      { user: admin, password: 'secret-pass' },
      { user: customer, password: 'secret-pass' },
    ],
  });
}

describe('admin area', () => {
  it('shows a 403 page to customers', async () => {
    server.use(...shop().handlers);
    await signInAs(customer.email, '/admin/products');
    expect(
      await screen.findByRole('heading', { level: 1, name: '403 · Access denied' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('creates a product that shoppers then find in the catalog', async () => {
    const fake = shop();
    server.use(...fake.handlers);
    const { user } = await signInAs(admin.email, '/admin/products');
    await user.click(await screen.findByRole('link', { name: 'New product' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'New product' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Create product' }));
    expect(screen.getByText('Enter a name.')).toBeInTheDocument();
    expect(screen.getByText('Enter a price such as 19.99.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Name'), 'Teapot');
    await user.type(screen.getByLabelText('Category'), 'Kitchen');
    await user.type(screen.getByLabelText('Price'), '12.5');
    await user.clear(screen.getByLabelText('Stock'));
    await user.type(screen.getByLabelText('Stock'), '4');
    await user.type(screen.getByLabelText('Description'), 'Holds six cups.');
    await user.click(screen.getByRole('button', { name: 'Create product' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit Teapot' }),
    ).toBeInTheDocument();
    expect(
      fake.requests.find((r) => r.method === 'POST' && r.path === '/api/products')?.body,
    ).toEqual({
      name: 'Teapot',
      category: 'Kitchen',
      price: 1250,
      currency: 'USD',
      stock: 4,
      description: 'Holds six cups.',
    });

    await user.click(screen.getByRole('link', { name: 'View it in the shop' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Teapot' })).toBeInTheDocument();
    expect(screen.getByText('$12.50')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Shop' }));
    expect(await screen.findByRole('heading', { name: 'Teapot' })).toBeInTheDocument();
  });

  it('edits a product, uploads its image through the presigned URL and deletes it', async () => {
    const fake = shop();
    server.use(...fake.handlers);
    const { user } = await signInAs(admin.email, '/admin/products/kettle');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit Kettle' }),
    ).toBeInTheDocument();

    const price = screen.getByLabelText('Price');
    expect(price).toHaveValue('35.00');
    await user.clear(price);
    await user.type(price, '39.99');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(fake.catalog.find((p) => p.productId === 'kettle')!.price).toBe(3999);

    const file = new File([new Uint8Array([137, 80, 78, 71])], 'kettle.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Choose an image'), file);
    await user.click(screen.getByRole('button', { name: 'Upload image' }));
    expect(await screen.findByText('Image uploaded.')).toBeInTheDocument();
    expect(fake.requests.find((r) => r.path.endsWith('/image-upload'))?.body).toEqual({
      contentType: 'image/png',
    });
    const put = fake.requests.find(
      (r) => r.method === 'PUT' && r.path.startsWith('/products/kettle/'),
    );
    expect(put?.headers.get('content-type')).toBe('image/png');
    expect(fake.catalog.find((p) => p.productId === 'kettle')!.imageUrl).toBe(
      'https://images.example.com/products/kettle/photo.png',
    );

    // Deleting asks first; cancelling keeps the product.
    await user.click(screen.getByRole('button', { name: 'Delete this product' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete Kettle?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete this product' }));
    dialog = screen.getByRole('dialog', { name: 'Delete Kettle?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete product' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Products' })).toBeInTheDocument();
    expect(fake.catalog.some((p) => p.productId === 'kettle')).toBe(false);
    // The deleted product is not asked for again on the way out (a 404 in the console).
    const deletedAt = fake.requests.findIndex((r) => r.method === 'DELETE');
    expect(
      fake.requests
        .slice(deletedAt)
        .filter((r) => r.method === 'GET' && r.path === '/api/products/kettle'),
    ).toEqual([]);
    const table = await screen.findByRole('table', { name: 'Products' });
    expect(within(table).queryByText('Kettle')).not.toBeInTheDocument();
  });

  it('sets stock from the product list', async () => {
    const fake = shop();
    server.use(...fake.handlers);
    const { user } = await signInAs(admin.email, '/admin/products');
    const stock = await screen.findByLabelText('Stock of Desk lamp');
    // Deleting lives on each product's page, behind a confirmation, not on every row.
    expect(screen.queryByRole('button', { name: /delete/i })).not.toBeInTheDocument();
    await user.clear(stock);
    await user.type(stock, '12');
    await user.click(screen.getByRole('button', { name: 'Set stock of Desk lamp' }));
    await waitFor(() => expect(fake.catalog.find((p) => p.productId === 'lamp')!.stock).toBe(12));
  });

  it('moves orders along their lifecycle', async () => {
    const fake = shop();
    fake.orders.push(order({ orderId: 'ord-9', status: 'PLACED' }));
    server.use(...fake.handlers);
    const { user } = await signInAs(admin.email, '/admin/orders');
    const table = await screen.findByRole('table', { name: 'Orders' });
    const row = within(table).getByRole('row', { name: /#7KQ2-0009/ });
    expect(within(row).getByText('Placed')).toBeInTheDocument();
    // Only the legal next steps are offered.
    const select = within(row).getByLabelText('New status for order #7KQ2-0009');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Paid', 'Cancelled']);
    await user.click(within(row).getByRole('button', { name: 'Update order #7KQ2-0009' }));
    await waitFor(() => expect(fake.orders[0]!.status).toBe('PAID'));
    expect(await within(table).findByText('Paid')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Show'), 'SHIPPED');
    expect(await screen.findByText('No shipped orders.')).toBeInTheDocument();
  });

  it('opens on a dashboard of sales, orders to ship, low stock and the newest orders', async () => {
    const fake = shop();
    const shippingAddress = {
      name: 'Ada',
      line1: '1 Elm Street',
      city: 'Springfield',
      postalCode: '12345',
      country: 'US',
    };
    fake.orders.push(
      order({ orderId: 'ord-2', status: 'PAID', total: 1000, shippingAddress }),
      order({ orderId: 'ord-1', status: 'PLACED', total: 4900 }),
    );
    server.use(...fake.handlers);
    const { user, location } = await signInAs(admin.email, '/admin');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();

    const today = await screen.findByRole('region', { name: 'Today' });
    expect(within(today).getByText('2 orders')).toBeInTheDocument();
    expect(within(today).getByText('$59.00')).toBeInTheDocument();
    // Named by its heading too (its id once came from the title, whose spaces broke the label).
    const week = screen.getByRole('region', { name: 'Last 7 days' });
    expect(within(week).getByText('2 orders')).toBeInTheDocument();
    const toShip = screen.getByRole('region', { name: 'Waiting to ship' });
    expect(toShip).toHaveTextContent('2');
    expect(toShip).toHaveTextContent('1 placed, 1 paid.');

    // The lamp has 3 in stock: at or below the default threshold of 5; the kettle (7) is not.
    const low = screen.getByRole('list', { name: 'Products low on stock' });
    expect(within(low).getAllByRole('listitem')).toHaveLength(1);
    expect(within(low).getByRole('link', { name: 'Edit Desk lamp' })).toHaveAttribute(
      'href',
      '/admin/products/lamp',
    );
    await user.clear(screen.getByLabelText('Show products with at most'));
    await user.type(screen.getByLabelText('Show products with at most'), '7');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Products low on stock' })).getAllByRole(
          'listitem',
        ),
      ).toHaveLength(2),
    );
    expect(location()).toBe('/admin?lowStock=7');

    const newest = screen.getByRole('table', { name: 'Newest orders' });
    expect(
      within(newest)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([expect.stringContaining('#7KQ2-0002'), expect.stringContaining('#7KQ2-0001')]);

    // The admin order list shows where each order goes.
    await user.click(screen.getByRole('link', { name: 'Go to orders' }));
    const table = await screen.findByRole('table', { name: 'Orders' });
    expect(within(table).getByRole('row', { name: /#7KQ2-0002/ })).toHaveTextContent(
      'Ada, 1 Elm Street, Springfield, US',
    );
    // With who bought it.
    expect(within(table).getByRole('row', { name: /#7KQ2-0002/ })).toHaveTextContent(
      'ada@example.com',
    );
  });
});
