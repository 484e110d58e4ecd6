import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_QUERY_LENGTH } from '@mini-ecommerce/domain';
import { MAX_SEARCH_QUERY_LENGTH as webMaxSearchLength } from '../features/products/components/search-form';

// The storefront takes the domain's rules from its zod-free entry (@mini-ecommerce/domain/rules);
// what it still repeats must not drift.
describe('rules repeated from the domain lib', () => {
  it('has the same search query length limit as the API', () => {
    expect(webMaxSearchLength).toBe(MAX_SEARCH_QUERY_LENGTH);
  });
});
