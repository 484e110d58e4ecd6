import type { OrderStatus } from '@mini-ecommerce/domain';

/**
 * The order lifecycle of the domain lib (`nextStatuses`), repeated here because its
 * module also builds zod schemas that would weigh on the storefront. A test checks
 * both agree.
 */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PLACED',
  'PAID',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
];

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PLACED: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};
