import { Link } from 'react-router';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/status';
import { formatMoney } from '../../../lib/money';
import { useCart } from '../hooks/use-cart';

/** The read-only order review shown at checkout. */
export function CartSummary() {
  const { cart, isPending, isError, error, refetch } = useCart();
  if (isPending) return <Loading label="Loading your cart…" />;
  if (isError || !cart)
    return <ErrorMessage error={error} title="Your cart could not be loaded" onRetry={refetch} />;
  if (cart.items.length === 0) {
    return (
      <EmptyState title="Your cart is empty.">
        <p>
          <Link to="/">Browse the catalog</Link> before checking out.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Items to order</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Quantity</th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {cart.items.map(({ productId, quantity, product }) => (
            <tr key={productId}>
              <th scope="row">{product.name}</th>
              <td>{quantity}</td>
              <td className="num">{formatMoney(product.price * quantity, product.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td className="num">
              <strong>{formatMoney(cart.subtotal, cart.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
