import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CartCountSync } from '../features/cart/components/cart-count-sync';
import { queryClient } from '../lib/query-client';

/**
 * The data layer (TanStack Query and the shared client) wraps each page (router.tsx). It is in
 * the entry bundle with the home page, which needs it for its first render.
 */
export function DataProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CartCountSync />
      {children}
    </QueryClientProvider>
  );
}
