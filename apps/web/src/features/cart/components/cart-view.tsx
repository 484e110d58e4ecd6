import { useState } from 'react';
import { Link } from 'react-router';
import { lineTotal } from '@mini-ecommerce/domain/rules';
import { ProductImage } from '../../../components/ui/product-image';
import { FormError } from '../../../components/ui/status';
import { errorMessage } from '../../../lib/api-client';
import { formatMoney } from '../../../lib/money';
import { maxQuantity, useCart, useCartActions } from '../hooks/use-cart';
import { CartStatus } from './cart-status';
import { QuantityStepper } from './quantity-stepper';

export function CartView() {
  const state = useCart();
  const { cart, mode } = state;
  const actions = useCartActions();
  const [failure, setFailure] = useState<string | null>(null);

  if (!cart || state.isError || cart.items.length === 0) {
    return <CartStatus state={state} purpose="to find something you like." />;
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
              {formatMoney(lineTotal(product.price, quantity), product.currency)}
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
      <FormError error={failure} />
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
