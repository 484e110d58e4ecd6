import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { Notice, QueryStatus } from '../../components/ui/status';
import { useOrder } from '../../features/orders/api/get-order';
import { OrderDetails } from '../../features/orders/components/order-details';
import { orderNumber } from '../../lib/order-number';

export default function OrderConfirmationRoute() {
  const { orderId = '' } = useParams();
  const order = useOrder(orderId);
  return (
    <>
      <PageHeading>Thank you for your order</PageHeading>
      {order.isSuccess ? (
        <>
          <Notice tone="success">
            <p>
              Your order <strong className="order-number">{orderNumber(order.data)}</strong> has
              been placed.
            </p>
          </Notice>
          <OrderDetails order={order.data} showNumber={false} />
        </>
      ) : (
        <QueryStatus
          query={order}
          loadingLabel="Loading your order…"
          errorTitle="Your order could not be loaded"
        />
      )}
      <p className="actions">
        <Link to="/orders" className="button button--secondary">
          See all your orders
        </Link>
        <Link to="/" className="button">
          Continue shopping
        </Link>
      </p>
    </>
  );
}
