import type { OrderStatus } from '@mini-ecommerce/domain';
import { STATUS_LABELS } from '../../../lib/order-status';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`order-status order-status--${status.toLowerCase()}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
