import { useSyncExternalStore } from 'react';
import type { CartLine, Product } from '@mini-ecommerce/domain';

/**
 * The cart of a shopper who has not signed in, kept in localStorage. Each line keeps
 * the product as it was when added, enough to show the cart; the account cart it is
 * merged into on sign-in re-reads prices and stock from the server.
 */
export { MAX_CART_QUANTITY } from '@mini-ecommerce/domain/rules';
const STORAGE_KEY = 'mini-ecommerce.guest-cart';
const EMPTY: readonly CartLine[] = [];
const listeners = new Set<() => void>();
let lines: readonly CartLine[] = read();

function read(): readonly CartLine[] {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return EMPTY;
    return parsed.filter(
      (line): line is CartLine =>
        typeof line?.productId === 'string' &&
        Number.isInteger(line?.quantity) &&
        line.quantity > 0 &&
        typeof line?.product?.price === 'number',
    );
  } catch {
    return EMPTY;
  }
}

function write(next: readonly CartLine[]) {
  lines = next.length === 0 ? EMPTY : next;
  try {
    if (lines.length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(lines));
  } catch {
    // Storage unavailable: the cart lives for this tab only.
  }
  for (const listener of listeners) listener();
}

export const guestCart = {
  lines: () => lines,
  setQuantity(product: Product, quantity: number) {
    const rest = lines.filter((line) => line.productId !== product.productId);
    if (quantity <= 0) return write(rest);
    const existing = lines.findIndex((line) => line.productId === product.productId);
    const line: CartLine = { productId: product.productId, quantity, product };
    if (existing === -1) write([...lines, line]);
    else write(lines.map((l, i) => (i === existing ? line : l)));
  },
  remove(productId: string) {
    write(lines.filter((line) => line.productId !== productId));
  },
  clear() {
    write(EMPTY);
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    lines = read();
    for (const listener of listeners) listener();
  });
}

export function useGuestCartLines(): readonly CartLine[] {
  return useSyncExternalStore(guestCart.subscribe, guestCart.lines, guestCart.lines);
}
