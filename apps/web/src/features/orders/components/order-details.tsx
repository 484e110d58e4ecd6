import { Link } from 'react-router';
import type { Order } from '@mini-ecommerce/domain';
import { AddressLines } from '../../../components/ui/address-lines';
import { Table } from '../../../components/ui/table';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { orderNumber } from '../../../lib/order-number';
import { OrderStatusBadge } from './order-status-badge';

const ITEM_COLUMNS = [
  'Product',
  { label: 'Price', numeric: true },
  { label: 'Qty', numeric: true },
  { label: 'Total', numeric: true },
] as const;

/**
 * An order's items, total, delivery address and status. The confirmation page names the order in
 * its own message, so there `showNumber` is off and the number appears once.
 */
export function OrderDetails({ order, showNumber = true }: { order: Order; showNumber?: boolean }) {
  const number = orderNumber(order);
  return (
    <section className="order-details" aria-label={`Order ${number}`}>
      <dl className="facts">
        {showNumber ? (
          <div>
            <dt>Order number</dt>
            <dd className="order-number">{number}</dd>
          </div>
        ) : null}
        <div>
          <dt>Placed</dt>
          <dd>{formatDate(order.createdAt)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <OrderStatusBadge status={order.status} />
          </dd>
        </div>
      </dl>
      <div className="order-details__grid">
        <Table
          caption="Items in this order"
          columns={ITEM_COLUMNS}
          className="order-details__items"
          total={{ label: 'Order total', amount: formatMoney(order.total, order.currency) }}
        >
          {order.items.map((item) => (
            <tr key={item.productId}>
              <th scope="row">
                <Link to={`/products/${encodeURIComponent(item.productId)}`}>{item.name}</Link>
              </th>
              <td className="num">{formatMoney(item.unitPrice, order.currency)}</td>
              <td className="num">{item.quantity}</td>
              <td className="num">{formatMoney(item.lineTotal, order.currency)}</td>
            </tr>
          ))}
        </Table>
        <section className="panel order-details__delivery" aria-labelledby={`${order.orderId}-to`}>
          <h2 id={`${order.orderId}-to`} className="panel__title">
            Delivery address
          </h2>
          {order.shippingAddress ? (
            <AddressLines address={order.shippingAddress} />
          ) : (
            <p className="muted">None recorded</p>
          )}
        </section>
      </div>
    </section>
  );
}
