import { useState } from 'react';
import { Link } from 'react-router';
import { ProductImage } from '../../../components/ui/product-image';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/status';
import { errorMessage } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/money';
import { maxQuantity, useCart, useCartActions } from '../hooks/use-cart';
import { QuantityStepper } from './quantity-stepper';

export function CartView() {
  const { cart, mode, isPending, isError, error, refetch } = useCart();
  const actions = useCartActions();
  const [failure, setFailure] = useState<string | null>(null);

  if (isPending) return <Loading label="Loading your cart…" />;
  if (isError || !cart)
    return <ErrorMessage error={error} title="Your cart could not be loaded" onRetry={refetch} />;
  if (cart.items.length === 0) {
    return (
      <EmptyState title="Your cart is empty.">
        <p>
          <Link to="/">Browse the catalog</Link> to find something you like.
        </p>
      </EmptyState>
    );
  }

  const run = (change: Promise<void> | void) => {
    setFailure(null);
    Promise.resolve(change).catch((e: unknown) => setFailure(errorMessage(e)));
  };

  return (
    <div className="cart">
      <ul className="cart__lines" aria-label="Items in your cart">
        {cart.items.map(({ productId, quantity, product }) => (
          <li className="cart-line" key={productId}>
            <ProductImage src={product.imageUrl} alt="" size="thumb" />
            <div className="cart-line__info">
              <Link to={`/products/${encodeURIComponent(productId)}`} className="cart-line__name">
                {product.name}
              </Link>
              <span className="muted">{formatMoney(product.price, product.currency)} each</span>
              {quantity > product.stock ? (
                <span className="form__error">Only {product.stock} left in stock</span>
              ) : null}
            </div>
            <QuantityStepper
              name={product.name}
              quantity={quantity}
              max={Math.max(quantity, maxQuantity(product))}
              disabled={actions.isPending}
              onChange={(next) => run(actions.setQuantity(product, next))}
            />
            <span className="cart-line__total">
              {formatMoney(product.price * quantity, product.currency)}
            </span>
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={actions.isPending}
              onClick={() => run(actions.remove(productId))}
              aria-label={`Remove ${product.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {failure ? (
        <p className="form__error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="cart__footer">
        <p className="cart__subtotal">
          Subtotal <strong>{formatMoney(cart.subtotal, cart.currency)}</strong>
        </p>
        <Link to="/checkout" className="button">
          {mode === 'guest' ? 'Sign in and check out' : 'Check out'}
        </Link>
      </div>
    </div>
  );
}
