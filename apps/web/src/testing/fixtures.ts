import type { Order, Product, User } from '@mini-ecommerce/domain';

const at = '2026-01-15T10:00:00.000Z';

export function product(
  overrides: Partial<Product> & Pick<Product, 'productId' | 'name'>,
): Product {
  return {
    description: `${overrides.name} description`,
    category: 'Home',
    price: 1999,
    currency: 'USD',
    stock: 10,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export const lamp = product({
  productId: 'lamp',
  name: 'Desk lamp',
  price: 2450,
  stock: 3,
  imageUrl: 'https://images.example.com/lamp.jpg',
});
export const mug = product({
  productId: 'mug',
  name: 'Coffee mug',
  category: 'Kitchen',
  price: 899,
  stock: 0,
});
export const kettle = product({
  productId: 'kettle',
  name: 'Kettle',
  category: 'Kitchen',
  price: 3500,
  stock: 7,
});

export const customer: User = {
  userId: 'u-1',
  email: 'ada@example.com',
  name: 'Ada',
  role: 'customer',
  createdAt: at,
};
export const admin: User = {
  userId: 'u-admin',
  email: 'admin@example.com',
  name: 'Admin',
  role: 'admin',
  createdAt: at,
};

/**
 * The short number the API stores with an order (`XXXX-XXXX`, Crockford base32), made here from
 * the digits of a test id: `ord-12` is `7KQ2-0012`.
 */
export function orderNumberFor(orderId: string): string {
  return `7KQ2-${orderId.replace(/\D/g, '').padStart(4, '0')}`;
}

// `as Order` (here and in the fake shop): the fixtures compile whether or not libs/domain's Order
// declares `orderNumber` and `customer` yet; see lib/order-number.ts.
export function order(overrides: Partial<Order> = {}): Order {
  const orderId = overrides.orderId ?? 'ord-1';
  return {
    orderId,
    orderNumber: orderNumberFor(orderId),
    userId: customer.userId,
    customer: { name: customer.name, email: customer.email },
    items: [
      {
        productId: lamp.productId,
        name: lamp.name,
        unitPrice: lamp.price,
        quantity: 2,
        lineTotal: lamp.price * 2,
      },
    ],
    total: lamp.price * 2,
    currency: 'USD',
    status: 'PLACED',
    createdAt: at,
    ...overrides,
  } as Order;
}

/** A token the storefront accepts: a JWT whose payload expires in an hour. */
export function tokenFor(user: User, expiresInSeconds = 3600): string {
  const payload = btoa(
    JSON.stringify({ sub: user.userId, exp: Math.floor(Date.now() / 1000) + expiresInSeconds }),
  )
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`;
}
