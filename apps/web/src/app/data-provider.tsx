import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CartCountSync } from '../features/cart/components/cart-count-sync';
import { queryClient } from '../lib/query-client';

/**
 * The data layer (TanStack Query and the shared client) wraps each page rather than
 * the whole app, so it loads with the first page chunk instead of with the shell:
 * the shell alone must fit the initial-JavaScript budget.
 */
export function DataProvider({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CartCountSync />
      {children}
    </QueryClientProvider>
  );
}
