import { useState } from 'react';
import type { Order, OrderStatus } from '@mini-ecommerce/domain';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/status';
import { errorMessage } from '../../../lib/api-client';
import { addressSummary } from '../../../components/ui/address-lines';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { useAdminOrders } from '../api/get-admin-orders';
import { useUpdateOrderStatus } from '../api/update-order-status';
import { orderCustomer, orderNumber } from '../../../lib/order-number';
import { nextStatuses, STATUS_LABELS } from '../utils/order-status';
import { OrderStatusBadge } from './order-status-badge';
import { LoadMore } from '../../../components/ui/load-more';

function StatusChanger({ order }: { order: Order }) {
  const options = nextStatuses(order.status);
  const [status, setStatus] = useState<OrderStatus | ''>(options[0] ?? '');
  const update = useUpdateOrderStatus();
  if (options.length === 0) return <span className="muted">Final</span>;
  const id = `status-${order.orderId}`;
  const number = orderNumber(order);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (status) update.mutate({ orderId: order.orderId, status });
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        New status for order {number}
      </label>
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
      <button
        type="submit"
        className="button button--small"
        disabled={update.isPending}
        aria-label={`Update order ${number}`}
      >
        {update.isPending ? 'Saving…' : 'Update'}
      </button>
      {update.isError ? (
        <span role="alert" className="form__error">
          {errorMessage(update.error)}
        </span>
      ) : null}
    </form>
  );
}

export function AdminOrderTable({ status }: { status: OrderStatus | undefined }) {
  const orders = useAdminOrders(status);
  if (orders.isPending) return <Loading label="Loading orders…" />;
  if (orders.isError)
    return (
      <ErrorMessage
        error={orders.error}
        title="Orders could not be loaded"
        onRetry={() => void orders.refetch()}
      />
    );
  const items = orders.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return (
      <EmptyState
        title={status ? `No ${STATUS_LABELS[status].toLowerCase()} orders.` : 'No orders yet.'}
      />
    );
  return (
    <>
      <div className="table-wrap">
        <table className="table table--wide">
          <caption className="visually-hidden">Orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Customer</th>
              <th scope="col">Deliver to</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Status</th>
              <th scope="col">Change status</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      <LoadMore pages={orders} label="Load more orders" />
    </>
  );
}
