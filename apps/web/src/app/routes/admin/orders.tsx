import { useSearchParams } from 'react-router';
import type { OrderStatus } from '@mini-ecommerce/domain';
import { ORDER_STATUSES } from '@mini-ecommerce/domain/rules';
import { PageHeading } from '../../../components/ui/page-heading';
import { AdminOrderTable } from '../../../features/orders/components/admin-order-table';
import { STATUS_LABELS } from '../../../lib/order-status';

export default function AdminOrdersRoute() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = ORDER_STATUSES.find((s) => s === raw);
  return (
    <>
      <PageHeading title="Manage orders">Orders</PageHeading>
      <div className="field field--inline">
        <label htmlFor="status-filter">Show</label>
        <select
          id="status-filter"
          value={status ?? ''}
          onChange={(event) => setParams(event.target.value ? { status: event.target.value } : {})}
        >
          <option value="">All orders</option>
          {ORDER_STATUSES.map((s: OrderStatus) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <AdminOrderTable key={status ?? ''} status={status} />
    </>
  );
}
