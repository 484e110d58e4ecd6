import { useState } from 'react';
import type { Product } from '@mini-ecommerce/domain';
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
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const inCart = cart?.items.find((line) => line.productId === product.productId)?.quantity ?? 0;
  const limit = maxQuantity(product);
  const outOfStock = product.stock <= 0;

  async function add() {
    const next = Math.min(inCart + quantity, limit);
    if (next <= inCart) {
      setMessage({ text: `Your cart already holds all ${limit} available.` });
      return;
    }
    try {
      await actions.setQuantity(product, next);
      setMessage({ text: `Added ${product.name} to your cart.` });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    }
  }

  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button"
        disabled={outOfStock || actions.isPending || cartLoading}
        onClick={() => void add()}
        // The visible text starts the accessible name (WCAG 2.5.3 Label in Name), so a voice-control
        // user saying "click Add to cart" presses it; the product name tells the cards apart.
        aria-label={outOfStock ? `Out of stock: ${product.name}` : `Add to cart: ${product.name}`}
      >
        {outOfStock ? 'Out of stock' : 'Add to cart'}
      </button>
      <p
        className={message?.error ? 'add-to-cart__message form__error' : 'add-to-cart__message'}
        role="status"
      >
        {message?.text}
      </p>
    </div>
  );
}
