import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { QueryStatus } from '../../components/ui/status';
import { useOrder } from '../../features/orders/api/get-order';
import { OrderDetails } from '../../features/orders/components/order-details';
import { orderNumber } from '../../lib/order-number';
import { ApiError } from '../../lib/api-client';

export default function OrderRoute() {
  const { orderId = '' } = useParams();
  const order = useOrder(orderId);
  const notFound = order.error instanceof ApiError && order.error.status === 404;
  return (
    <>
      <PageHeading title={order.data ? `Order ${orderNumber(order.data)}` : 'Order details'}>
        {notFound ? 'Order not found' : 'Order details'}
      </PageHeading>
      {order.isSuccess ? (
        <OrderDetails order={order.data} />
      ) : notFound ? (
        <p>There is no order {orderId} in your account.</p>
      ) : (
        <QueryStatus
          query={order}
          loadingLabel="Loading the order…"
          errorTitle="The order could not be loaded"
        />
      )}
      <p>
        <Link to="/orders">Back to your orders</Link>
      </p>
    </>
  );
}
