import type { Order, PlaceOrderBody } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';
import { useApiMutation } from '../../../lib/use-api-mutation';
import { getOrderQueryOptions } from './get-order';

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
  return useApiMutation(
    // The delivery address may need a request of its own first (saving a new one).
    async ({
      idempotencyKey,
      delivery,
    }: {
      idempotencyKey: string;
      delivery: () => Promise<PlaceOrderBody>;
    }) => placeOrder({ idempotencyKey, delivery: await delivery() }),
    {
      onSuccess: (order, _attempt, queryClient) =>
        queryClient.setQueryData(getOrderQueryOptions(order.orderId).queryKey, order),
      // Success empties the cart and lowers stock; a stock refusal means our stock figures are stale.
      invalidateAfter: 'settled',
      invalidates: [
        queryKeys.cart,
        queryKeys.products,
        { queryKey: queryKeys.orders, predicate: (q) => q.queryKey[1] !== 'detail' },
      ],
    },
  );
}
