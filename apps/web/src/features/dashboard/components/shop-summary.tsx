import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { SalesFigure } from '@mini-ecommerce/domain';
import { EmptyState, QueryStatus } from '../../../components/ui/status';
import { Table } from '../../../components/ui/table';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { orderCustomer, orderNumber } from '../../../lib/order-number';
import { STATUS_LABELS } from '../../../lib/order-status';
import { useAdminSummary } from '../api/get-admin-summary';
import { MAX_LOW_STOCK_THRESHOLD } from '@mini-ecommerce/domain/rules';
import { lowStockThreshold } from '../utils/low-stock';

function Sales({ title, figures }: { title: string; figures: SalesFigure[] }) {
  // A generated id: the title has spaces ("Last 7 days"), and aria-labelledby is a
  // space-separated list of ids, so an id made from it labelled nothing.
  const headingId = useId();
  return (
    <section className="card summary-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {figures.length === 0 ? (
        <p>No orders.</p>
      ) : (
        <dl className="facts">
          {figures.map((figure) => (
            <div key={figure.currency}>
              <dt>
                {figure.orders} {figure.orders === 1 ? 'order' : 'orders'}
              </dt>
              <dd>{formatMoney(figure.revenue, figure.currency)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

const NEWEST_ORDERS_COLUMNS = [
  'Order',
  'Placed',
  'Customer',
  { label: 'Total', numeric: true },
  'Status',
] as const;

/** The admin dashboard: sales, the shipping backlog, low stock and the newest orders. */
export function ShopSummary({
  lowStock,
  onLowStockChange,
}: {
  lowStock: number;
  onLowStockChange: (threshold: number) => void;
}) {
  const summary = useAdminSummary(lowStock);
  const [threshold, setThreshold] = useState(String(lowStock));

  function apply(event: FormEvent) {
    event.preventDefault();
    const value = lowStockThreshold(threshold);
    if (value !== undefined) onLowStockChange(value);
  }

  if (!summary.isSuccess) {
    return (
      <QueryStatus
        query={summary}
        loadingLabel="Loading the shop's figures…"
        errorTitle="The dashboard could not be loaded"
      />
    );
  }
  const { today, last7Days, waitingToShip, lowStock: low, newestOrders } = summary.data;
  return (
    <div className="dashboard">
      <div className="dashboard__cards">
        <Sales title="Today" figures={today} />
        <Sales title="Last 7 days" figures={last7Days} />
        <section className="card summary-card" aria-labelledby="to-ship">
          <h2 id="to-ship">Waiting to ship</h2>
          <p className="summary-card__figure">{waitingToShip.total}</p>
          <p>
            {waitingToShip.PLACED} placed, {waitingToShip.PAID} paid.{' '}
            <Link to="/admin/orders">Go to orders</Link>
          </p>
        </section>
      </div>

      <section aria-labelledby="low-stock">
        <h2 id="low-stock">Low stock</h2>
        <form className="inline-form" onSubmit={apply}>
          <label htmlFor="low-stock-threshold">Show products with at most</label>
          <input
            id="low-stock-threshold"
            className="input--narrow"
            type="number"
            min={0}
            max={MAX_LOW_STOCK_THRESHOLD}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            Show
          </button>
        </form>
        {low.items.length === 0 ? (
          <p>No product has {low.threshold} or fewer in stock.</p>
        ) : (
          <ul className="low-stock" aria-label="Products low on stock">
            {low.items.map((product) => (
              <li key={product.productId}>
                <span>
                  {product.name}: <strong>{product.stock} left</strong>
                </span>{' '}
                <Link
                  to={`/admin/products/${encodeURIComponent(product.productId)}`}
                  aria-label={`Edit ${product.name}`}
                >
                  Edit
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="newest-orders">
        <h2 id="newest-orders">Newest orders</h2>
        {newestOrders.length === 0 ? (
          <EmptyState title="No orders yet." />
        ) : (
          <Table caption="Newest orders" columns={NEWEST_ORDERS_COLUMNS}>
            {newestOrders.map((order) => (
              <tr key={order.orderId}>
                <th scope="row" className="order-number">
                  {orderNumber(order)}
                </th>
                <td className="nowrap">{formatDate(order.createdAt)}</td>
                <td>{orderCustomer(order).name}</td>
                <td className="num">{formatMoney(order.total, order.currency)}</td>
                <td>{STATUS_LABELS[order.status]}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
