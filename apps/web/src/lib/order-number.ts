/**
 * What the storefront needs of an order to name it and its buyer. Structural, so it reads the
 * domain `Order` whether or not it already declares these fields.
 */
interface NamedOrder {
  orderId: string;
  orderNumber?: string | undefined;
  customer?: { name: string; email: string } | undefined;
}

/**
 * The short human order number, shown as `#7KQ2-M4XD` everywhere an order is named.
 *
 * FALLBACK (remove once `orderNumber: string` is in libs/domain's Order and every stored order has
 * one): orders without the field show the last 8 characters of their id, uppercased, in the same
 * shape. Then this becomes `order.orderNumber`.
 */
export function orderNumber(order: NamedOrder): string {
  if (order.orderNumber) return `#${order.orderNumber}`;
  const tail = order.orderId
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-8)
    .toUpperCase();
  return `#${tail.slice(0, 4)}-${tail.slice(4)}`;
}

/**
 * The buyer of an order as admins see it. FALLBACK (remove with the one above once every order
 * carries `customer: { name, email }`): the account id when the order has no customer, or an
 * empty one (orders placed before customers were copied).
 */
export function orderCustomer(order: NamedOrder & { userId: string }): {
  name: string;
  email?: string;
} {
  const { customer } = order;
  if (!customer || (!customer.name && !customer.email)) return { name: order.userId };
  return customer.name ? customer : { name: customer.email };
}
