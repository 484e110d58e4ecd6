import { z } from 'zod';
import { Id, PageQuery, Timestamp, pageOf } from './common';
import { Currency, MinorUnits } from './money';
import { Quantity } from './cart';
import { ShippingAddress } from './address';

export const ORDER_STATUSES = ['PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** The lifecycle: forward one step at a time, or cancel before shipping. */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PLACED: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

export const OrderItem = z.object({
  productId: Id,
  name: z.string(),
  unitPrice: MinorUnits,
  quantity: Quantity,
  lineTotal: z.number().int().min(0),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const Order = z.object({
  orderId: Id,
  userId: Id,
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
