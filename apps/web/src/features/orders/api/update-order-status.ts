import type { Order, OrderStatus } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';

export function updateOrderStatus({
  orderId,
  status,
}: {
  orderId: string;
  status: OrderStatus;
}): Promise<Order> {
  return api(`/api/orders/${encodeURIComponent(orderId)}`, {
    method: 'PATCH',
    body: { status },
    auth: true,
  });
}

export function useUpdateOrderStatus() {
  return useApiMutation(updateOrderStatus, {
    // A refusal means the order moved on meanwhile: show where it is now.
    invalidateAfter: 'settled',
    invalidates: ({ status }) => [
      queryKeys.adminOrders,
      queryKeys.adminSummary,
      queryKeys.orders,
      // Cancelling puts the stock back.
      status === 'CANCELLED' && queryKeys.products,
    ],
  });
}
