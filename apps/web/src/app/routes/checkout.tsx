import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { useDeliveryAddress } from '../../features/addresses/components/delivery-address';
import { CartSummary } from '../../features/cart/components/cart-summary';
import { useCart, useCartVersion } from '../../features/cart/hooks/use-cart';
import { PlaceOrderForm } from '../../features/orders/components/place-order-form';

export default function CheckoutRoute() {
  const navigate = useNavigate();
  const { cart } = useCart();
  const version = useCartVersion();
  const empty = !cart || cart.items.length === 0;
  const delivery = useDeliveryAddress();
  return (
    <>
      <PageHeading>Checkout</PageHeading>
      <h2>Review your order</h2>
      <CartSummary />
      {empty ? null : (
        <PlaceOrderForm
          key={version}
          disabled={empty || !delivery.ready}
          delivery={delivery.resolve}
          onPlaced={(order) =>
            void navigate(`/checkout/confirmation/${encodeURIComponent(order.orderId)}`, {
              replace: true,
            })
          }
        >
          {delivery.fieldset}
        </PlaceOrderForm>
      )}
    </>
  );
}
