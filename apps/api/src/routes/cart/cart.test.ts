import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@mini-ecommerce/domain';
import { buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
let lamp: Product;
let rug: Product;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  lamp = await t.createProduct(adminToken, {
    name: 'Lamp',
    category: 'Home',
    price: 1999,
    stock: 50,
  });
  rug = await t.createProduct(adminToken, {
    name: 'Rug',
    category: 'Home',
    price: 12_500,
    stock: 5,
  });
});
afterAll(() => t?.close());

const getCart = (token: string) => t.request({ url: '/api/cart', token });
const put = (token: string, productId: string, payload: unknown) =>
  t.request({
    method: 'PUT',
    url: `/api/cart/items/${productId}`,
    token,
    payload: payload as object,
  });

describe('GET /api/cart', () => {
  it('answers an empty cart for a new customer', async () => {
    const { token } = await t.quickCustomer();
    const response = await getCart(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [], subtotal: 0, currency: 'USD' });
  });

  it('answers 401 without a token', async () => {
    const response = await t.request({ url: '/api/cart' });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe('UNAUTHORIZED');
  });
});

describe('PUT /api/cart/items/:productId', () => {
  it('sets (not adds) the quantity and the server computes the subtotal from the catalog', async () => {
    const { token } = await t.quickCustomer();
    expect((await put(token, lamp.productId, { quantity: 2 })).statusCode).toBe(200);
    const response = await put(token, rug.productId, { quantity: 1 });
    expect(response.json().subtotal).toBe(2 * 1999 + 12_500);
    const again = await put(token, lamp.productId, { quantity: 3 });
    expect(again.statusCode).toBe(200);
    const cart = again.json();
    expect(cart.subtotal).toBe(3 * 1999 + 12_500);
    expect(cart.currency).toBe('USD');
    expect(cart.items).toHaveLength(2);
    const lampLine = cart.items.find(
      (line: { productId: string }) => line.productId === lamp.productId,
    );
    expect(lampLine).toEqual({ productId: lamp.productId, quantity: 3, product: lamp });
    expect((await getCart(token)).json()).toEqual(cart);
  });

  it('follows a price change in the catalog', async () => {
    const product = await t.createProduct(adminToken, {
      name: 'Vase',
      category: 'Home',
      price: 1000,
      stock: 9,
    });
    const { token } = await t.quickCustomer();
    await t.addToCart(token, product.productId, 2);
    await t.request({
      method: 'PATCH',
      url: `/api/products/${product.productId}`,
      token: adminToken,
      payload: { price: 1500 },
    });
    expect((await getCart(token)).json().subtotal).toBe(3000);
  });

  it('refuses a price or any other extra field in the body with 400 and stores nothing', async () => {
    const { token } = await t.quickCustomer();
    for (const payload of [
      { quantity: 1, price: 1 },
      { quantity: 1, userId: 'someone' },
      { quantity: 1, product: { price: 0 } },
    ]) {
      const response = await put(token, lamp.productId, payload);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
    expect((await getCart(token)).json().items).toEqual([]);
  });

  it.each([0, 100, -1, 1.5, '2', null])(
    'answers 400 VALIDATION_ERROR with details for quantity %s',
    async (quantity) => {
      const { token } = await t.quickCustomer();
      const response = await put(token, lamp.productId, { quantity });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response).details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'quantity' })]),
      );
    },
  );

  it('accepts the bounds 1 and 99', async () => {
    const big = await t.createProduct(adminToken, {
      name: 'Pencil',
      category: 'Office',
      price: 50,
      stock: 1000,
    });
    const { token } = await t.quickCustomer();
    expect((await put(token, big.productId, { quantity: 99 })).json().subtotal).toBe(99 * 50);
    expect((await put(token, big.productId, { quantity: 1 })).json().subtotal).toBe(50);
  });

  it('answers 404 NOT_FOUND for an unknown product and 400 for a malformed id', async () => {
    const { token } = await t.quickCustomer();
    const missing = await put(token, 'no-such-product', { quantity: 1 });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const malformed = await put(token, encodeURIComponent('a#b'), { quantity: 1 });
    expect(malformed.statusCode).toBe(400);
    expect((await getCart(token)).json().items).toEqual([]);
  });

  it('answers 409 INSUFFICIENT_STOCK naming the product when more is asked than is in stock', async () => {
    const { token } = await t.quickCustomer();
    const response = await put(token, rug.productId, { quantity: 6 });
    expect(response.statusCode).toBe(409);
    const error = errorOf(response);
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toContain('Rug');
    expect(error.details).toEqual({
      products: [{ productId: rug.productId, name: 'Rug', requested: 6, available: 5 }],
    });
  });

  it('answers 401 without a token', async () => {
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/cart/items/${lamp.productId}`,
          payload: { quantity: 1 },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('leaves out lines whose product was deleted', async () => {
    const gone = await t.createProduct(adminToken, {
      name: 'Gone',
      category: 'Home',
      price: 700,
      stock: 3,
    });
    const { token } = await t.quickCustomer();
    await t.addToCart(token, gone.productId, 1);
    await t.addToCart(token, lamp.productId, 1);
    await t.request({
      method: 'DELETE',
      url: `/api/products/${gone.productId}`,
      token: adminToken,
    });
    const cart = (await getCart(token)).json();
    expect(cart.items.map((line: { productId: string }) => line.productId)).toEqual([
      lamp.productId,
    ]);
    expect(cart.subtotal).toBe(1999);
  });
});

describe('DELETE /api/cart/items/:productId and DELETE /api/cart', () => {
  it('removes one line with 204, then empties the cart with 204', async () => {
    const { token } = await t.quickCustomer();
    await t.addToCart(token, lamp.productId, 1);
    await t.addToCart(token, rug.productId, 2);
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/cart/items/${lamp.productId}`,
      token,
    });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(
      (await getCart(token)).json().items.map((line: { productId: string }) => line.productId),
    ).toEqual([rug.productId]);
    // Removing a line that is not there is still 204 (idempotent).
    expect(
      (await t.request({ method: 'DELETE', url: `/api/cart/items/${lamp.productId}`, token }))
        .statusCode,
    ).toBe(204);
    const cleared = await t.request({ method: 'DELETE', url: '/api/cart', token });
    expect(cleared.statusCode).toBe(204);
    expect((await getCart(token)).json()).toEqual({ items: [], subtotal: 0, currency: 'USD' });
  });

  it('answers 401 without a token', async () => {
    expect((await t.request({ method: 'DELETE', url: '/api/cart' })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/cart/items/${lamp.productId}` })).statusCode,
    ).toBe(401);
  });
});

describe('carts are private', () => {
  it("one customer's changes never touch another's cart", async () => {
    const alice = await t.quickCustomer('Alice');
    const bob = await t.quickCustomer('Bob');
    await t.addToCart(alice.token, lamp.productId, 2);
    await t.addToCart(bob.token, rug.productId, 1);
    // Bob removes and clears: only his own lines go.
    await t.request({
      method: 'DELETE',
      url: `/api/cart/items/${lamp.productId}`,
      token: bob.token,
    });
    await t.request({ method: 'DELETE', url: '/api/cart', token: bob.token });
    const aliceCart = (await getCart(alice.token)).json();
    expect(aliceCart.items).toEqual([{ productId: lamp.productId, quantity: 2, product: lamp }]);
    expect((await getCart(bob.token)).json().items).toEqual([]);
    // A query string naming another user changes nothing.
    const sneaky = await t.request({
      url: `/api/cart?userId=${alice.user.userId}`,
      token: bob.token,
    });
    expect(sneaky.json().items).toEqual([]);
  });
});
