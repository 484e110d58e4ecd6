import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Order, OrderStatus } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrderStatus,
    onSettled: (_order, _error, { status }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.adminOrders }),
        queryClient.invalidateQueries({ queryKey: queryKeys.adminSummary }),
        queryClient.invalidateQueries({ queryKey: queryKeys.orders }),
        // Cancelling puts the stock back.
        status === 'CANCELLED'
          ? queryClient.invalidateQueries({ queryKey: queryKeys.products })
          : undefined,
      ]),
  });
}
