import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/status';
import { addressSummary } from '../../../components/ui/address-lines';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { useOrders } from '../api/get-orders';
import { orderNumber } from '../../../lib/order-number';
import { OrderStatusBadge } from './order-status-badge';
import { LoadMore } from '../../../components/ui/load-more';

export function OrderList() {
  const orders = useOrders();
  if (orders.isPending) return <Loading label="Loading your orders…" />;
  if (orders.isError)
    return (
      <ErrorMessage
        error={orders.error}
        title="Your orders could not be loaded"
        onRetry={() => void orders.refetch()}
      />
    );
  const items = orders.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="You have not ordered anything yet.">
        <p>
          <Link to="/">Browse the catalog</Link> to place your first order.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="order-list" aria-label="Your orders">
        {items.map((order) => {
          const count = order.items.reduce((n, item) => n + item.quantity, 0);
          return (
            <li key={order.orderId} className="order-list__item">
              <div className="order-list__main">
                <Link
                  to={`/orders/${encodeURIComponent(order.orderId)}`}
                  className="order-list__link order-number"
                >
                  Order {orderNumber(order)}
                </Link>
                <span className="muted">
                  {formatDate(order.createdAt)} · {count} {count === 1 ? 'item' : 'items'}
                </span>
                {order.shippingAddress ? (
                  <span className="muted">To {addressSummary(order.shippingAddress)}</span>
                ) : null}
              </div>
              <div className="order-list__side">
                <strong>{formatMoney(order.total, order.currency)}</strong>
                <OrderStatusBadge status={order.status} />
              </div>
            </li>
          );
        })}
      </ul>
      <LoadMore pages={orders} label="Load more orders" />
    </>
  );
}
