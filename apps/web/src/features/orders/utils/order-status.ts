import type { OrderStatus } from '@mini-ecommerce/domain';

export { ORDER_STATUSES, nextStatuses } from '@mini-ecommerce/domain/rules';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};
