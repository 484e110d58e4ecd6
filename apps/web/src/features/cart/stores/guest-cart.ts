import { useSyncExternalStore } from 'react';
import type { CartLine, Product } from '@mini-ecommerce/domain';
import { createLocalStore } from '../../../lib/store';

/**
 * The cart of a shopper who has not signed in, kept in localStorage. Each line keeps
 * the product as it was when added, enough to show the cart; the account cart it is
 * merged into on sign-in re-reads prices and stock from the server.
 */
export { MAX_CART_QUANTITY } from '@mini-ecommerce/domain/rules';
const EMPTY: readonly CartLine[] = [];
const stored = createLocalStore<readonly CartLine[]>('mini-ecommerce.guest-cart', {
  parse: (value) => {
    if (!Array.isArray(value)) return EMPTY;
    const lines = value.filter(
      (line): line is CartLine =>
        typeof line?.productId === 'string' &&
        Number.isInteger(line?.quantity) &&
        line.quantity > 0 &&
        typeof line?.product?.price === 'number',
    );
    return lines.length === 0 ? EMPTY : lines;
  },
  empty: EMPTY,
});

function write(next: readonly CartLine[]) {
  stored.set(next.length === 0 ? EMPTY : next);
}

export const guestCart = {
  lines: stored.get,
  setQuantity(product: Product, quantity: number) {
    const lines = stored.get();
    const rest = lines.filter((line) => line.productId !== product.productId);
    if (quantity <= 0) return write(rest);
    const existing = lines.findIndex((line) => line.productId === product.productId);
    const line: CartLine = { productId: product.productId, quantity, product };
    if (existing === -1) write([...lines, line]);
    else write(lines.map((l, i) => (i === existing ? line : l)));
  },
  remove(productId: string) {
    write(stored.get().filter((line) => line.productId !== productId));
  },
  clear() {
    write(EMPTY);
  },
  /** Also called when another tab changes the cart. */
  subscribe: stored.subscribe,
};

export function useGuestCartLines(): readonly CartLine[] {
  return useSyncExternalStore(guestCart.subscribe, guestCart.lines, guestCart.lines);
}
