import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address, Order, Product } from '@mini-ecommerce/domain';
import { TEST_ADDRESS, buildTestApp, errorOf, type TestApp } from '../../test/test-app';

let t: TestApp;
let adminToken: string;
let product: Product;
beforeAll(async () => {
  t = await buildTestApp();
  adminToken = (await t.admin()).token;
  product = await t.createProduct(adminToken, { name: 'Teapot', price: 3_000, stock: 1_000 });
});
afterAll(() => t?.close());

const home = {
  name: 'Grace Hopper',
  line1: '1 Navy Yard',
  line2: 'Building 3',
  city: 'Arlington',
  postalCode: '22202',
  region: 'VA',
  country: 'US',
  phone: '+1 555 0100',
};

const place = (token: string, payload?: object) =>
  t.request({ method: 'POST', url: '/api/orders', token, ...(payload ? { payload } : {}) });

async function buyerWithCart() {
  const buyer = await t.quickCustomer();
  await t.addToCart(buyer.token, product.productId, 1);
  return buyer;
}

describe('POST /api/orders: the delivery address', () => {
  it('refuses an order without an address with VALIDATION_ERROR and keeps the cart', async () => {
    const { token } = await buyerWithCart();
    for (const payload of [undefined, {}, { addressId: 'a1', address: TEST_ADDRESS }]) {
      const response = await place(token, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
    const incomplete = await place(token, { address: { ...TEST_ADDRESS, country: 'Narnia' } });
    expect(errorOf(incomplete).code).toBe('VALIDATION_ERROR');
    expect((await t.request({ url: '/api/cart', token })).json().items).toHaveLength(1);
  });

  it('places the order to a saved address and keeps a copy that later edits never change', async () => {
    const { token } = await buyerWithCart();
    const saved = (
      await t.request({ method: 'POST', url: '/api/users/me/addresses', token, payload: home })
    ).json<Address>();
    const response = await place(token, { addressId: saved.addressId });
    expect(response.statusCode, response.body).toBe(201);
    const order = response.json<Order>();
    expect(order.shippingAddress).toEqual(home);

    await t.request({
      method: 'PATCH',
      url: `/api/users/me/addresses/${saved.addressId}`,
      token,
      payload: { line1: '2 Somewhere Else' },
    });
    await t.request({
      method: 'DELETE',
      url: `/api/users/me/addresses/${saved.addressId}`,
      token,
    });
    const detail = (await t.request({ url: `/api/orders/${order.orderId}`, token })).json<Order>();
    expect(detail.shippingAddress).toEqual(home);
    const list = (await t.request({ url: '/api/orders', token })).json<{ items: Order[] }>();
    expect(list.items[0]?.shippingAddress).toEqual(home);
    const admin = (
      await t.request({ url: '/api/admin/orders?limit=100', token: adminToken })
    ).json<{ items: Order[] }>();
    expect(admin.items.find((o) => o.orderId === order.orderId)?.shippingAddress).toEqual(home);
  });

  it('places the order to an address typed in at checkout, without saving it', async () => {
    const { token } = await buyerWithCart();
    const response = await place(token, { address: { ...TEST_ADDRESS, country: 'de' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Order>().shippingAddress).toEqual({ ...TEST_ADDRESS, country: 'DE' });
    expect((await t.request({ url: '/api/users/me/addresses', token })).json().items).toEqual([]);
  });

  it("refuses another user's address id, and an unknown one, as VALIDATION_ERROR", async () => {
    const other = await t.quickCustomer();
    const theirs = (
      await t.request({
        method: 'POST',
        url: '/api/users/me/addresses',
        token: other.token,
        payload: home,
      })
    ).json<Address>();
    const { token } = await buyerWithCart();
    for (const addressId of [theirs.addressId, 'no-such-address']) {
      const response = await place(token, { addressId });
      expect(response.statusCode, response.body).toBe(400);
      expect(errorOf(response)).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { field: 'addressId' },
      });
    }
  });
});
