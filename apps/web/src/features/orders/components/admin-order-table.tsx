import { useState } from 'react';
import type { Order, OrderStatus } from '@mini-ecommerce/domain';
import { nextStatuses } from '@mini-ecommerce/domain/rules';
import { PagedList } from '../../../components/ui/paged-list';
import { InlineForm } from '../../../components/ui/inline-form';
import { EmptyState } from '../../../components/ui/status';
import { Table } from '../../../components/ui/table';
import { addressSummary } from '../../../components/ui/address-lines';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { useAdminOrders } from '../api/get-admin-orders';
import { useUpdateOrderStatus } from '../api/update-order-status';
import { orderCustomer, orderNumber } from '../../../lib/order-number';
import { STATUS_LABELS } from '../../../lib/order-status';
import { OrderStatusBadge } from './order-status-badge';

function StatusChanger({ order }: { order: Order }) {
  const options = nextStatuses(order.status);
  const [status, setStatus] = useState<OrderStatus | ''>(options[0] ?? '');
  const update = useUpdateOrderStatus();
  if (options.length === 0) return <span className="muted">Final</span>;
  const number = orderNumber(order);
  return (
    <InlineForm
      label={`New status for order ${number}`}
      submitText={update.isPending ? 'Saving…' : 'Update'}
      action={`Update order ${number}`}
      disabled={update.isPending}
      error={update.error}
      onSubmit={() => {
        if (status) update.mutate({ orderId: order.orderId, status });
      }}
    >
      {(id) => (
        <select
          id={id}
          value={status}
          onChange={(event) => setStatus(event.target.value as OrderStatus)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {STATUS_LABELS[option]}
            </option>
          ))}
        </select>
      )}
    </InlineForm>
  );
}

const COLUMNS = [
  'Order',
  'Placed',
  'Customer',
  'Deliver to',
  { label: 'Total', numeric: true },
  'Status',
  'Change status',
] as const;

export function AdminOrderTable({ status }: { status: OrderStatus | undefined }) {
  const orders = useAdminOrders(status);
  const empty = status ? `No ${STATUS_LABELS[status].toLowerCase()} orders.` : 'No orders yet.';
  return (
    <PagedList pages={orders} what="orders" empty={<EmptyState title={empty} />}>
      {(items) => (
        <Table caption="Orders" columns={COLUMNS} wide>
          {items.map((order) => {
            const customer = orderCustomer(order);
            return (
              <tr key={order.orderId}>
                <th scope="row" className="order-number">
                  {orderNumber(order)}
                </th>
                <td className="nowrap">{formatDate(order.createdAt)}</td>
                <td>
                  <span className="customer">
                    <span>{customer.name}</span>
                    {customer.email ? <span className="muted">{customer.email}</span> : null}
                  </span>
                </td>
                <td>{order.shippingAddress ? addressSummary(order.shippingAddress) : '—'}</td>
                <td className="num">{formatMoney(order.total, order.currency)}</td>
                <td>
                  <OrderStatusBadge status={order.status} />
                </td>
                <td>
                  <StatusChanger key={order.status} order={order} />
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </PagedList>
  );
}
