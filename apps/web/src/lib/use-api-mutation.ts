import {
  useMutation,
  useQueryClient,
  type InvalidateQueryFilters,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';

/** Queries a change makes stale: a key (and every query under it), or a filter; `false` for none. */
export type StaleQueries = readonly (QueryKey | InvalidateQueryFilters | false)[];

export interface ApiMutationOptions<TData, TVariables> {
  /** Puts the API's answer into the cache, so the page shows it without asking again. */
  onSuccess?: (data: TData, variables: TVariables, queryClient: QueryClient) => void;
  /** The queries whose data the call changes: marked stale, and refetched where they are shown. */
  invalidates?: StaleQueries | ((variables: TVariables) => StaleQueries);
  /**
   * When to invalidate them: after a success (the default); `settled`, after a failure too, where
   * a refusal means our copy is stale (stock, a status changed meanwhile); `error`, only after a
   * failure, where `onSuccess` stored the whole answer already.
   */
  invalidateAfter?: 'success' | 'settled' | 'error';
}

/**
 * The mutation hook of an API call (bulletproof-react's `use<Call>`): runs the call, stores its
 * answer and invalidates what it changed. The mutation stays pending until those queries have
 * been refetched, so a form's "Saving…" never ends on the old data.
 */
export function useApiMutation<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  {
    onSuccess,
    invalidates = [],
    invalidateAfter = 'success',
  }: ApiMutationOptions<TData, TVariables> = {},
) {
  const queryClient = useQueryClient();
  const invalidate = (variables: TVariables) => {
    const stale = typeof invalidates === 'function' ? invalidates(variables) : invalidates;
    return Promise.all(
      stale.map((query) =>
        query === false
          ? undefined
          : queryClient.invalidateQueries(isQueryKey(query) ? { queryKey: query } : query),
      ),
    );
  };
  return useMutation({
    mutationFn,
    onSuccess: async (data, variables) => {
      onSuccess?.(data, variables, queryClient);
      if (invalidateAfter === 'success') await invalidate(variables);
    },
    onError: invalidateAfter === 'error' ? (_error, variables) => invalidate(variables) : undefined,
    onSettled:
      invalidateAfter === 'settled'
        ? (_data, _error, variables) => invalidate(variables)
        : undefined,
  });
}

function isQueryKey(query: QueryKey | InvalidateQueryFilters): query is QueryKey {
  return Array.isArray(query);
}
