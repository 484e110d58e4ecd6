import { PageHeading } from '../../components/ui/page-heading';
import { OrderList } from '../../features/orders/components/order-list';

export default function OrdersRoute() {
  return (
    <>
      <PageHeading>Your orders</PageHeading>
      <OrderList />
    </>
  );
}
