import { useSyncExternalStore } from 'react';

/**
 * How many items the signed-in shopper's account cart holds, published by
 * `CartCountSync` so the header can show it without loading the data layer.
 * `null` until the cart has been read.
 */
let count: number | null = null;
const listeners = new Set<() => void>();

export const accountCartCount = {
  get: () => count,
  set(next: number | null) {
    if (next === count) return;
    count = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useAccountCartCount(): number | null {
  return useSyncExternalStore(
    accountCartCount.subscribe,
    accountCartCount.get,
    accountCartCount.get,
  );
}
