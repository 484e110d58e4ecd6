import { useMemo } from 'react';
import { priceCart } from '@mini-ecommerce/domain/rules';
import type { CartLine, Product } from '@mini-ecommerce/domain';
import { useSession } from '../../../lib/session';
import { useAccountCart } from '../api/get-cart';
import { useRemoveCartItem } from '../api/remove-cart-item';
import { useSetCartItem } from '../api/set-cart-item';
import { guestCart, MAX_CART_QUANTITY, useGuestCartLines } from '../stores/guest-cart';

export interface CartView {
  items: readonly CartLine[];
  subtotal: number;
  currency: string;
}

/** The shopper's cart: the account cart when signed in, the browser's guest cart otherwise. */
export function useCart() {
  const signedIn = useSession() !== null;
  const account = useAccountCart({ enabled: signedIn });
  const guestLines = useGuestCartLines();
  const guest = useMemo<CartView>(() => {
    const { subtotal, currency } = priceCart(guestLines);
    return { items: guestLines, subtotal, currency };
  }, [guestLines]);
  if (!signedIn) {
    return {
      mode: 'guest' as const,
      cart: guest,
      isPending: false,
      isError: false,
      error: null,
      refetch: () => undefined,
    };
  }
  return {
    mode: 'account' as const,
    cart: account.data as CartView | undefined,
    isPending: account.isPending,
    isError: account.isError,
    error: account.error,
    refetch: () => void account.refetch(),
  };
}

export function maxQuantity(product: Product): number {
  return Math.max(0, Math.min(product.stock, MAX_CART_QUANTITY));
}

/** Changes to the cart, wherever it lives. */
export function useCartActions() {
  const signedIn = useSession() !== null;
  const setItem = useSetCartItem();
  const removeItem = useRemoveCartItem();
  return {
    setQuantity: async (product: Product, quantity: number) => {
      const bounded = Math.min(quantity, maxQuantity(product));
      if (!signedIn) return guestCart.setQuantity(product, bounded);
      if (bounded <= 0) await removeItem.mutateAsync(product.productId);
      else await setItem.mutateAsync({ productId: product.productId, quantity: bounded });
    },
    remove: async (productId: string) => {
      if (!signedIn) return guestCart.remove(productId);
      await removeItem.mutateAsync(productId);
    },
    isPending: setItem.isPending || removeItem.isPending,
  };
}

/** Changes whenever the lines or quantities do; a new checkout attempt starts with each. */
export function useCartVersion(): string | undefined {
  const { cart } = useCart();
  return cart?.items.map((line) => `${line.productId}:${line.quantity}`).join(',');
}
