import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { customer, kettle, lamp } from '../../testing/fixtures';
import { fakeShop } from '../../testing/fake-shop';
import { renderRoute } from '../../testing/render-route';
import { server } from '../../testing/server';

describe('cart', () => {
  it('is empty at first, with a way back to the catalog', async () => {
    server.use(...fakeShop({ products: [lamp] }).handlers);
    renderRoute('/cart');
    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse the catalog' })).toHaveAttribute('href', '/');
  });

  it('changes quantities with the stepper, removes lines and keeps the subtotal right (guest)', async () => {
    server.use(...fakeShop({ products: [lamp, kettle] }).handlers);
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Kettle' }));
    await user.click(screen.getByRole('link', { name: /^Cart/ }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeInTheDocument();
    expect(screen.getByText('$59.50')).toBeInTheDocument(); // 24.50 + 35.00

    await user.click(screen.getByRole('button', { name: 'Increase quantity of Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Increase quantity of Desk lamp' }));
    expect(screen.getByRole('status', { name: 'Quantity of Desk lamp' })).toHaveTextContent('3');
    // Only three in stock: the stepper stops there.
    expect(screen.getByRole('button', { name: 'Increase quantity of Desk lamp' })).toBeDisabled();
    expect(screen.getByText('$108.50')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cart, 4 items' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove Kettle' }));
    expect(screen.queryByRole('link', { name: 'Kettle' })).not.toBeInTheDocument();
    expect(screen.getByText('Subtotal').closest('p')).toHaveTextContent('$73.50');
    expect(screen.getByRole('link', { name: 'Sign in and check out' })).toHaveAttribute(
      'href',
      '/checkout',
    );
  });

  it('uses the account cart on the server when signed in', async () => {
    const shop = fakeShop({
      products: [lamp, kettle],
      accounts: [{ user: customer, password: 'secret-pass' }],
    });
    shop.accountByEmail(customer.email)!.cart.set('kettle', 2);
    server.use(...shop.handlers);
    // Sign in through the page so the shop knows the token.
    const { user } = renderRoute('/sign-in?next=%2Fcart');
    await user.type(await screen.findByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const lines = await screen.findByRole('list', { name: 'Items in your cart' });
    expect(within(lines).getByRole('link', { name: 'Kettle' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cart, 2 items' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Decrease quantity of Kettle' }));
    await waitFor(() => expect(shop.accountByEmail(customer.email)!.cart.get('kettle')).toBe(1));
    expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove Kettle' }));
    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument();
    expect(
      shop.requests.some((r) => r.method === 'DELETE' && r.path === '/api/cart/items/kettle'),
    ).toBe(true);
  });
});
