import { Link } from 'react-router';
import type { Product } from '@mini-ecommerce/domain';
import { toasts } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/api-client';
import { maxQuantity, useCart, useCartActions } from '../hooks/use-cart';

export function AddToCartButton({
  product,
  quantity = 1,
}: {
  product: Product;
  quantity?: number;
}) {
  const { cart, isPending: cartLoading } = useCart();
  const actions = useCartActions();
  const inCart = cart?.items.find((line) => line.productId === product.productId)?.quantity ?? 0;
  const limit = maxQuantity(product);
  const outOfStock = product.stock <= 0;

  async function add() {
    const next = Math.min(inCart + quantity, limit);
    if (next <= inCart) {
      toasts.show(`Your cart already holds all ${limit} available.`, 'info');
      return;
    }
    try {
      await actions.setQuantity(product, next);
      // A toast over the page rather than a line in the card, so nothing below moves.
      toasts.show(
        <>
          Added {product.name} to your cart. <Link to="/cart">View cart</Link>
        </>,
      );
    } catch (error) {
      toasts.show(errorMessage(error), 'error');
    }
  }

  return (
    <div className="add-to-cart">
      <button
        type="button"
        className={outOfStock ? 'button button--secondary' : 'button'}
        disabled={outOfStock || actions.isPending || cartLoading}
        onClick={() => void add()}
        // The visible text starts the accessible name (WCAG 2.5.3 Label in Name), so a voice-control
        // user saying "click Add to cart" presses it; the product name tells the cards apart.
        aria-label={outOfStock ? `Out of stock: ${product.name}` : `Add to cart: ${product.name}`}
      >
        {outOfStock ? 'Out of stock' : 'Add to cart'}
      </button>
    </div>
  );
}
