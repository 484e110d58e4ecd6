import { z } from 'zod';
import { MAX_SEARCH_QUERY_LENGTH } from './rules/limits';
import { pageOf } from './common';
import { Product } from './product';

/** `GET /api/products/search`: the words as typed (length checked before trimming), a page size and the cursor of the previous page. */
export const ProductSearchQuery = z.object({
  q: z
    .string()
    .max(MAX_SEARCH_QUERY_LENGTH, `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`)
    .trim()
    .min(1, 'must contain a word to search for'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(64).optional(),
});
export type ProductSearchQuery = z.infer<typeof ProductSearchQuery>;

/** Best matches first; the products as stored now (price and stock are current). */
export const ProductSearchPage = pageOf(Product);
export type ProductSearchPage = z.infer<typeof ProductSearchPage>;
