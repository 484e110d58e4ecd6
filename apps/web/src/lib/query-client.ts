import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { session } from './session';

/** Query key roots shared by features whose mutations change each other's data. */
export const queryKeys = {
  products: ['products'] as const,
  categories: ['categories'] as const,
  cart: ['cart'] as const,
  orders: ['orders'] as const,
  adminOrders: ['admin-orders'] as const,
  addresses: ['addresses'] as const,
  adminSummary: ['admin-summary'] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network blips and 5xx might.
        retry: (failureCount, error) =>
          failureCount < 2 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

/** Catalog data is the same for everyone; everything else belongs to the signed-in account. */
const PUBLIC_ROOTS: readonly unknown[] = [queryKeys.products[0], queryKeys.categories[0]];

export const queryClient = createQueryClient();

// When the account changes (sign-in, sign-out, an expired token), drop what was cached for the previous one.
let cachedFor = session.get()?.user.userId;
session.subscribe(() => {
  const userId = session.get()?.user.userId;
  if (userId === cachedFor) return;
  cachedFor = userId;
  queryClient.removeQueries({ predicate: (query) => !PUBLIC_ROOTS.includes(query.queryKey[0]) });
});
