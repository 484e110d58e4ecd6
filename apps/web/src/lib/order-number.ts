import type { Order } from '@mini-ecommerce/domain';

/** The short human order number, shown as `#7KQ2-M4XD` everywhere an order is named. */
export function orderNumber(order: Pick<Order, 'orderNumber'>): string {
  return `#${order.orderNumber}`;
}

/**
 * The buyer of an order as admins see it: orders placed before customers were copied carry empty
 * strings (libs/domain), and show the account id instead.
 */
export function orderCustomer(order: Pick<Order, 'customer' | 'userId'>): {
  name: string;
  email?: string;
} {
  const { customer } = order;
  if (!customer.name && !customer.email) return { name: order.userId };
  return customer.name ? customer : { name: customer.email };
}
