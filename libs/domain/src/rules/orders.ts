export const ORDER_STATUSES = ['PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
/** The domain's `OrderStatus` (the schema's type) is this union. */
type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The lifecycle: forward one step at a time, or cancel before shipping. */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PLACED: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

export const ROLES = ['customer', 'admin'] as const;
