import { describe, expect, it } from 'vitest';
import {
  AddressCreate,
  COUNTRY_CODES,
  DomainError,
  PlaceOrderBody,
  ProductCreate,
  ProductUpdate,
  RegisterBody,
  SetCartItemBody,
  canTransition,
  cartSubtotal,
  formatMoney,
  insufficientStock,
  toPublicUser,
  toShippingAddress,
} from './index';

const validProduct = { name: 'Desk lamp', category: 'Home', price: 1999, stock: 5 };

describe('ProductCreate', () => {
  it('accepts integer minor units and fills defaults', () => {
    expect(ProductCreate.parse(validProduct)).toEqual({
      ...validProduct,
      description: '',
      currency: 'USD',
    });
  });

  it.each([
    ['negative price', { price: -1 }],
    ['fractional price', { price: 19.99 }],
    ['non-numeric price', { price: '1999' }],
    ['over-long name', { name: 'x'.repeat(201) }],
    ['blank name', { name: '   ' }],
    ['lower-case currency', { currency: 'usd' }],
    ['negative stock', { stock: -3 }],
    ['category with #', { category: 'A#B' }],
  ])('refuses a %s', (_label, patch) => {
    expect(ProductCreate.safeParse({ ...validProduct, ...patch }).success).toBe(false);
  });

  it('refuses server-owned and unknown fields', () => {
    expect(ProductCreate.safeParse({ ...validProduct, productId: 'x' }).success).toBe(false);
    expect(ProductCreate.safeParse({ ...validProduct, createdAt: 'x' }).success).toBe(false);
  });
});

describe('ProductUpdate', () => {
  it('needs at least one field', () => {
    expect(ProductUpdate.safeParse({}).success).toBe(false);
    expect(ProductUpdate.parse({ stock: 0 })).toEqual({ stock: 0 });
  });
});

describe('RegisterBody', () => {
  it('lower-cases the email and drops a role sent by the client', () => {
    const parsed = RegisterBody.parse({
      email: ' Ada@Example.COM ',
      password: 'correct horse',
      name: 'Ada',
      role: 'admin',
    });
    expect(parsed).toEqual({ email: 'ada@example.com', password: 'correct horse', name: 'Ada' });
  });

  it('refuses short passwords and invalid emails', () => {
    expect(RegisterBody.safeParse({ email: 'a@b.co', password: 'short', name: 'A' }).success).toBe(
      false,
    );
    expect(
      RegisterBody.safeParse({ email: 'nope', password: 'long enough', name: 'A' }).success,
    ).toBe(false);
  });
});

describe('cart and orders', () => {
  it('bounds cart quantities to 1..99 integers', () => {
    expect(SetCartItemBody.safeParse({ quantity: 0 }).success).toBe(false);
    expect(SetCartItemBody.safeParse({ quantity: 100 }).success).toBe(false);
    expect(SetCartItemBody.safeParse({ quantity: 1.5 }).success).toBe(false);
    expect(SetCartItemBody.parse({ quantity: 99 })).toEqual({ quantity: 99 });
  });

  it('computes the subtotal in minor units', () => {
    const product = { productId: 'p', name: 'P', currency: 'USD', stock: 5 };
    expect(
      cartSubtotal([
        { quantity: 3, product: { ...product, price: 1999 } },
        { quantity: 1, product: { ...product, price: 1 } },
      ]),
    ).toBe(5998);
  });

  it('moves orders along the lifecycle only', () => {
    expect(canTransition('PLACED', 'PAID')).toBe(true);
    expect(canTransition('PAID', 'CANCELLED')).toBe(true);
    expect(canTransition('SHIPPED', 'CANCELLED')).toBe(false);
    expect(canTransition('DELIVERED', 'PLACED')).toBe(false);
    expect(canTransition('PLACED', 'DELIVERED')).toBe(false);
  });
});

describe('errors and money', () => {
  it('names the products that ran out', () => {
    const error = insufficientStock([
      { productId: 'p1', name: 'Lamp', requested: 2, available: 1 },
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.status).toBe(409);
    expect(error.toBody().error).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      message: expect.stringContaining('Lamp'),
    });
  });

  it('formats minor units', () => {
    expect(formatMoney(1999, 'USD')).toBe('$19.99');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });

  it('never exposes a password hash', () => {
    const stored = {
      userId: 'u1',
      email: 'a@b.co',
      name: 'A',
      role: 'customer' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      passwordHash: 'secret',
    };
    expect(toPublicUser(stored)).not.toHaveProperty('passwordHash');
  });
});

describe('addresses', () => {
  const address = {
    name: 'Ada Lovelace',
    line1: '12 St James Square',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'gb',
  };

  it('accepts an address with the country as an ISO 3166-1 alpha-2 code', () => {
    expect(AddressCreate.parse(address)).toMatchObject({ country: 'GB' });
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(AddressCreate.safeParse({ ...address, country: 'XX' }).success).toBe(false);
    expect(AddressCreate.safeParse({ ...address, country: 'GBR' }).success).toBe(false);
  });

  it('refuses missing required fields, ids sent by the client and malformed phones', () => {
    expect(AddressCreate.safeParse({ ...address, city: ' ' }).success).toBe(false);
    expect(AddressCreate.safeParse({ ...address, addressId: 'a1' }).success).toBe(false);
    expect(AddressCreate.safeParse({ ...address, phone: 'call me' }).success).toBe(false);
    expect(AddressCreate.safeParse({ ...address, phone: '+44 20 7946 0958' }).success).toBe(true);
  });

  it('takes exactly one of addressId and address when placing an order', () => {
    expect(PlaceOrderBody.safeParse({ addressId: 'a1' }).success).toBe(true);
    expect(PlaceOrderBody.safeParse({ address }).success).toBe(true);
    expect(PlaceOrderBody.safeParse({}).success).toBe(false);
    expect(PlaceOrderBody.safeParse({ addressId: 'a1', address }).success).toBe(false);
  });

  it('copies only the address fields onto an order', () => {
    expect(
      toShippingAddress({ ...AddressCreate.parse(address), addressId: 'a1', isDefault: true }),
    ).toEqual({ ...address, country: 'GB' });
  });
});
