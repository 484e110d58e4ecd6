import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/status';
import { addressSummary } from '../../../components/ui/address-lines';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { useOrders } from '../api/get-orders';
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
        {items.map((order) => (
          <li key={order.orderId} className="order-list__item">
            <Link to={`/orders/${encodeURIComponent(order.orderId)}`}>Order {order.orderId}</Link>
            <span className="muted">{formatDate(order.createdAt)}</span>
            <span>
              {order.items.reduce((n, item) => n + item.quantity, 0)} items ·{' '}
              {formatMoney(order.total, order.currency)}
            </span>
            {order.shippingAddress ? (
              <span className="muted">To {addressSummary(order.shippingAddress)}</span>
            ) : null}
            <OrderStatusBadge status={order.status} />
          </li>
        ))}
      </ul>
      <LoadMore pages={orders} label="Load more orders" />
    </>
  );
}
