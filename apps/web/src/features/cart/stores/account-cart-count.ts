import { useSyncExternalStore } from 'react';
import { createStore } from '../../../lib/store';

/**
 * How many items the signed-in shopper's account cart holds, published by
 * `CartCountSync` so the header can show it without loading the data layer.
 * `null` until the cart has been read.
 */
export const accountCartCount = createStore<number | null>(null);

export function useAccountCartCount(): number | null {
  return useSyncExternalStore(
    accountCartCount.subscribe,
    accountCartCount.get,
    accountCartCount.get,
  );
}
