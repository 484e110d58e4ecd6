import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { customer, kettle, lamp } from '../../testing/fixtures';
import { fakeShop } from '../../testing/fake-shop';
import { renderRoute } from '../../testing/render-route';
import { errorResponse, server } from '../../testing/server';

describe('accounts', () => {
  it('merges the guest cart into the account on sign-in, capped by stock, and returns where the shopper was', async () => {
    const shop = fakeShop({
      products: [lamp, kettle],
      accounts: [{ user: customer, password: 'secret-pass' }],
    });
    shop.accountByEmail(customer.email)!.cart.set('lamp', 2);
    server.use(...shop.handlers);
    const { user, location } = renderRoute('/');

    // As a guest: two lamps (stock 3) and one kettle.
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Kettle' }));
    expect(screen.getByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument();

    // Checking out needs an account: sign in and come back.
    await user.click(screen.getByRole('link', { name: /^Cart/ }));
    await user.click(await screen.findByRole('link', { name: 'Sign in and check out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(location()).toBe('/sign-in?next=%2Fcheckout');
    await user.type(screen.getByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout' })).toBeInTheDocument();
    // 2 on the account + 2 from the guest cart = 4, but only 3 lamps are in stock.
    expect(Object.fromEntries(shop.accountByEmail(customer.email)!.cart)).toEqual({
      lamp: 3,
      kettle: 1,
    });
    expect(await screen.findByRole('link', { name: 'Cart, 4 items' })).toBeInTheDocument();
    expect(localStorage.getItem('mini-ecommerce.guest-cart')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Checkout' })).toHaveFocus();
  });

  it('carries over what is left when stock fell after the guest added a line', async () => {
    const shop = fakeShop({
      products: [{ ...lamp, stock: 3 }],
      accounts: [{ user: customer, password: 'secret-pass' }],
    });
    server.use(...shop.handlers);
    const { user } = renderRoute('/');
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Desk lamp' }));
    await user.click(screen.getByRole('button', { name: 'Add to cart: Desk lamp' }));
    // Someone else buys two lamps meanwhile.
    shop.catalog.find((p) => p.productId === 'lamp')!.stock = 1;

    await user.click(screen.getByRole('link', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(Object.fromEntries(shop.accountByEmail(customer.email)!.cart)).toEqual({ lamp: 1 }),
    );
  });

  it('registers a new account, merges the guest cart and signs out again', async () => {
    const shop = fakeShop({ products: [kettle] });
    server.use(...shop.handlers);
    const { user } = renderRoute('/products/kettle');
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Kettle' }));
    await user.click(screen.getByRole('link', { name: 'Register' }));

    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    // Every problem is named next to its field.
    expect(screen.getByText('Enter your name.')).toBeInTheDocument();
    expect(screen.getByText('Use at least 8 characters.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());

    await user.type(screen.getByLabelText('Name'), 'Grace');
    await user.type(screen.getByLabelText('Email'), 'grace@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByText('Grace')).toBeInTheDocument();
    await waitFor(() =>
      expect(Object.fromEntries(shop.accountByEmail('grace@example.com')!.cart)).toEqual({
        kettle: 1,
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeInTheDocument();
  });

  it('explains a wrong password and a taken email', async () => {
    const shop = fakeShop({
      products: [],
      accounts: [{ user: customer, password: 'secret-pass' }],
    });
    server.use(...shop.handlers);
    const { user } = renderRoute('/sign-in');
    await user.type(await screen.findByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email and password do not match an account.',
    );

    await user.click(screen.getByRole('link', { name: 'Create an account' }));
    await user.type(await screen.findByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText(/^Password/), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An account with this email already exists.',
    );
  });

  it('sends a shopper whose token was rejected to sign in, then back to the page', async () => {
    const shop = fakeShop({
      products: [],
      accounts: [{ user: customer, password: 'secret-pass' }],
    });
    server.use(
      http.get('/api/orders', () => errorResponse(401, 'UNAUTHORIZED', 'Token expired'), {
        once: true,
      }),
      ...shop.handlers,
    );
    const { user, location } = renderRoute('/orders', { user: customer });

    expect(
      await screen.findByText('Your session has ended. Sign in again to continue.'),
    ).toBeInTheDocument();
    expect(location()).toBe('/sign-in?next=%2Forders');
    await user.type(screen.getByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your orders' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('You have not ordered anything yet.')).toBeInTheDocument();
  });

  it('never follows a "next" that leaves the site', async () => {
    const shop = fakeShop({
      products: [],
      accounts: [{ user: customer, password: 'secret-pass' }],
    });
    server.use(...shop.handlers);
    const { user, location } = renderRoute('/sign-in?next=%2F%2Fevil.example.com');
    await user.type(await screen.findByLabelText('Email'), customer.email);
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(location()).toBe('/'));
  });
});
