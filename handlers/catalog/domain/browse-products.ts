/**
 * Paging through the catalog: applies the default sort and page size, checks the cursor and
 * computes the next one.
 * @module
 */
import type { ProductRepository } from '../repository.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Product } from './product.ts';
import { DEFAULT_SORT, type ProductFilter, type ProductSort, positionOf } from './product-query.ts';

/** The contract's page size when `limit` is absent. */
export const DEFAULT_PAGE_SIZE = 20;

/** What a caller asks for. */
export interface BrowseRequest {
  readonly filter: ProductFilter;
  /** @default '-createdAt' */
  readonly sort?: ProductSort;
  /** A `nextCursor` from a previous page. */
  readonly cursor?: string;
  /** @default 20 */
  readonly limit?: number;
}

/** A page, or why the cursor was refused. */
export type BrowseResult =
  | { readonly ok: true; readonly items: Product[]; readonly nextCursor: string | null }
  | { readonly ok: false; readonly error: 'invalid-cursor'; readonly reason: string };

/**
 * @example
 * const first = await browseProducts(products, { filter: { category: 'sports' }, limit: 2 });
 * const second = await browseProducts(products, { filter: { category: 'sports' }, limit: 2, cursor: first.nextCursor });
 */
export async function browseProducts(
  products: ProductRepository,
  request: BrowseRequest,
): Promise<BrowseResult> {
  const sort = request.sort ?? DEFAULT_SORT;
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  let after: ReturnType<typeof positionOf> | undefined;
  if (request.cursor !== undefined) {
    const cursor = decodeCursor(request.cursor);
    if (!cursor) return { ok: false, error: 'invalid-cursor', reason: 'is not a cursor this API issued' };
    // A position is only meaningful in the order it was taken from.
    if (cursor.sort !== sort) {
      return {
        ok: false,
        error: 'invalid-cursor',
        reason: `was issued for sort=${cursor.sort}, not sort=${sort}`,
      };
    }
    after = cursor.after;
  }
  // One extra row tells whether another page follows without a second query.
  const rows = await products.list({ filter: request.filter, sort, after, limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ sort, after: positionOf(last, sort) }) : null;
  return { ok: true, items, nextCursor };
}
