import { PageHeading } from '../../components/ui/page-heading';
import { CartView } from '../../features/cart/components/cart-view';

export default function CartRoute() {
  return (
    <>
      <PageHeading>Your cart</PageHeading>
      <CartView />
    </>
  );
}
