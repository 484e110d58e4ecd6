import { Link } from 'react-router';
import { PagedList } from '../../../components/ui/paged-list';
import { EmptyWithCatalogLink } from '../../../components/ui/status';
import { addressSummary } from '../../../components/ui/address-lines';
import { countItems } from '../../../lib/count-items';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { useOrders } from '../api/get-orders';
import { orderNumber } from '../../../lib/order-number';
import { OrderStatusBadge } from './order-status-badge';

export function OrderList() {
  const orders = useOrders();
  const empty = (
    <EmptyWithCatalogLink
      title="You have not ordered anything yet."
      purpose="to place your first order."
    />
  );
  return (
    <PagedList pages={orders} what="orders" empty={empty}>
      {(items) => (
        <ul className="order-list" aria-label="Your orders">
          {items.map((order) => {
            const count = countItems(order.items);
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
      )}
    </PagedList>
  );
}
