import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Order, PlaceOrderBody } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

/**
 * Places the order from the account cart to the delivery address; the same key returns the same
 * order, never a second one.
 */
export function placeOrder({
  idempotencyKey,
  delivery,
}: {
  idempotencyKey: string;
  delivery: PlaceOrderBody;
}): Promise<Order> {
  return api('/api/orders', {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: delivery,
    auth: true,
  });
}

export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    // The delivery address may need a request of its own first (saving a new one).
    mutationFn: async ({
      idempotencyKey,
      delivery,
    }: {
      idempotencyKey: string;
      delivery: () => Promise<PlaceOrderBody>;
    }) => placeOrder({ idempotencyKey, delivery: await delivery() }),
    onSuccess: (order) =>
      queryClient.setQueryData([...queryKeys.orders, 'detail', order.orderId], order),
    // Success empties the cart and lowers stock; a stock refusal means our stock figures are stale.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.cart }),
        queryClient.invalidateQueries({ queryKey: queryKeys.products }),
        queryClient.invalidateQueries({
          queryKey: queryKeys.orders,
          predicate: (q) => q.queryKey[1] !== 'detail',
        }),
      ]),
  });
}
