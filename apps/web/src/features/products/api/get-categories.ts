import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CategoryCount } from '@mini-ecommerce/domain';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getCategories(signal?: AbortSignal): Promise<{ items: CategoryCount[] }> {
  return api('/api/categories', { signal });
}

export function getCategoriesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.categories,
    queryFn: ({ signal }) => getCategories(signal),
    staleTime: 60_000,
  });
}

export function useCategories() {
  return useQuery(getCategoriesQueryOptions());
}
