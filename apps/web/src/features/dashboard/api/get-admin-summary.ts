import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdminSummary } from '@mini-ecommerce/domain';
import { api, withQuery } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-client';

export function getAdminSummary(lowStock: number, signal?: AbortSignal): Promise<AdminSummary> {
  return api(withQuery('/api/admin/summary', { lowStock }), { auth: true, signal });
}

export function getAdminSummaryQueryOptions(lowStock: number) {
  return queryOptions({
    queryKey: [...queryKeys.adminSummary, lowStock],
    queryFn: ({ signal }) => getAdminSummary(lowStock, signal),
    // The dashboard is a live view of the shop: fresh on every visit.
    staleTime: 0,
  });
}

export function useAdminSummary(lowStock: number) {
  return useQuery(getAdminSummaryQueryOptions(lowStock));
}
