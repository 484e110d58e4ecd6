import type { OrderStatus } from '@mini-ecommerce/domain';

/** How an order's status is written wherever it is shown (the orders pages and the dashboard). */
export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};
