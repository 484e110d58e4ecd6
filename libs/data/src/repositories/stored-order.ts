import type {
  CartItem,
  Order,
  OrderCustomer,
  Product,
  StockShortage,
} from '@mini-ecommerce/domain';
import { feedCopyId, feedPartition, feedShard, legacyOrderNumber } from './order-feeds';

/** Attempts at placing an order or moving it along before the conflict is reported. */
export const MAX_PLACE_ATTEMPTS = 12;

/** An order as stored (and its feed copy, whose keys are the feed's). */
export type StoredOrder = Omit<Order, 'orderNumber' | 'customer'> & {
  orderNumber?: string;
  customer?: OrderCustomer;
  updatedAt: string;
  sourceOrderId?: string;
  ownerId?: string;
};

export function toOrder(item: StoredOrder): Order {
  const orderId = item.sourceOrderId ?? item.orderId;
  return {
    orderId,
    orderNumber: item.orderNumber ?? legacyOrderNumber(orderId),
    userId: item.ownerId ?? item.userId,
    customer: item.customer ? { ...item.customer } : { name: '', email: '' },
    items: item.items.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    })),
    total: item.total,
    currency: item.currency,
    status: item.status,
    ...(item.shippingAddress ? { shippingAddress: { ...item.shippingAddress } } : {}),
    createdAt: item.createdAt,
  };
}

export const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.min(250, 4 * 2 ** attempt) * (0.5 + Math.random())),
  );

/** The admin feed copy of an order: keyed by its number, in its status's feed shard. */
export function feedCopy(order: StoredOrder, orderNumber: string): StoredOrder {
  return {
    ...order,
    orderId: feedCopyId(orderNumber),
    userId: feedPartition(order.status, feedShard(orderNumber)),
    sourceOrderId: order.orderId,
    ownerId: order.userId,
  };
}

export function findShortages(lines: CartItem[], products: Map<string, Product>): StockShortage[] {
  return lines.flatMap((line) => {
    const product = products.get(line.productId);
    if (product && product.stock >= line.quantity) return [];
    return [
      {
        productId: line.productId,
        name: product?.name ?? 'a product that is no longer sold',
        requested: line.quantity,
        available: product?.stock ?? 0,
      },
    ];
  });
}
