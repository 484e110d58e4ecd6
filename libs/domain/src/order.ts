import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from './common';
import { Currency, MinorUnits } from './money';
import { Quantity } from './cart';
import { ShippingAddress } from './address';
import { ORDER_STATUSES } from './rules/orders';

export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderItem = z.object({
  productId: Id,
  name: z.string(),
  unitPrice: MinorUnits,
  quantity: Quantity,
  lineTotal: z.number().int().min(0),
});
export type OrderItem = z.infer<typeof OrderItem>;

/** Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U. */
export const ORDER_NUMBER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A short human order number, `XXXX-XXXX` (40 bits); the storefront shows it as `#7KQ2-M4XD`. */
export const OrderNumber = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'must look like 7KQ2-M4XD');
export type OrderNumber = z.infer<typeof OrderNumber>;

/**
 * Reads an order number as a person types it: any case, with or without `#` and the hyphen,
 * with Crockford's look-alikes (I and L for 1, O for 0). Undefined when it cannot be one.
 */
export function normalizeOrderNumber(input: string): OrderNumber | undefined {
  const compact = input
    .trim()
    .replace(/^#/, '')
    .replace(/[-\s]/g, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) return undefined;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Who placed the order: the account's name and email, copied when it was placed. */
export const OrderCustomer = z.object({ name: z.string(), email: z.string() });
export type OrderCustomer = z.infer<typeof OrderCustomer>;

export const Order = z.object({
  orderId: Id,
  /** Unique across the shop; stored with the order. */
  orderNumber: OrderNumber,
  userId: Id,
  /** Orders placed before customers were copied have empty strings. */
  customer: OrderCustomer,
  items: z.array(OrderItem).min(1),
  total: z.number().int().min(0),
  currency: Currency,
  status: OrderStatus,
  /** Where the order goes: a copy taken when it was placed. Orders placed before addresses existed have none. */
  shippingAddress: ShippingAddress.optional(),
  createdAt: Timestamp,
});
export type Order = z.infer<typeof Order>;

export const OrderParams = z.object({ orderId: Id });
/** `GET /api/orders/by-number/:number`: the number as typed (see normalizeOrderNumber). */
export const OrderNumberParams = z.object({ number: z.string().min(1).max(20) });
export const OrderPage = pageOf(Order);
export const OrderListQuery = PageQuery;
export const AdminOrderListQuery = PageQuery.extend({ status: OrderStatus.optional() });
export const OrderStatusUpdate = z.strictObject({ status: OrderStatus });

/** `Idempotency-Key` header: a client-made token, one per checkout attempt. */
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits and "-_.:"');

export const PlaceOrderHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });
