import { lineTotal } from '@mini-ecommerce/domain/rules';
import { Table } from '../../../components/ui/table';
import { formatMoney } from '../../../lib/money';
import { useCart } from '../hooks/use-cart';
import { CartStatus } from './cart-status';

/** The read-only order review shown at checkout. */
export function CartSummary() {
  const state = useCart();
  const { cart } = state;
  if (!cart || state.isError || cart.items.length === 0) {
    return <CartStatus state={state} purpose="before checking out." />;
  }
  return (
    <Table
      caption="Items to order"
      columns={['Product', 'Quantity', { label: 'Total', numeric: true }]}
      total={{ label: 'Total', amount: formatMoney(cart.subtotal, cart.currency) }}
    >
      {cart.items.map(({ productId, quantity, product }) => (
        <tr key={productId}>
          <th scope="row">{product.name}</th>
          <td>{quantity}</td>
          <td className="num">
            {formatMoney(lineTotal(product.price, quantity), product.currency)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
