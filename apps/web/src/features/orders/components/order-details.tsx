import { Link } from 'react-router';
import type { Order } from '@mini-ecommerce/domain';
import { AddressLines } from '../../../components/ui/address-lines';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { OrderStatusBadge } from './order-status-badge';

export function OrderDetails({ order }: { order: Order }) {
  return (
    <section className="order-details" aria-label={`Order ${order.orderId}`}>
      <dl className="facts">
        <div>
          <dt>Order number</dt>
          <dd>{order.orderId}</dd>
        </div>
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
        <div>
          <dt>Delivery address</dt>
          <dd>
            {order.shippingAddress ? (
              <AddressLines address={order.shippingAddress} />
            ) : (
              'None recorded'
            )}
          </dd>
        </div>
      </dl>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Items in this order</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Order total
              </th>
              <td className="num">
                <strong>{formatMoney(order.total, order.currency)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
