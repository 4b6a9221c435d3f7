/**
 * The port through which orders learns product names, prices and stock: the catalog context's
 * SDK answers (catalog-sdk.ts), or an in-memory copy in unit tests. Contexts never import each other.
 * @module
 */
import type { Money } from './domain/order.ts';

/** What orders needs to know about one product when it is ordered. */
export interface CatalogEntry {
  readonly name: string;
  readonly price: Money;
  /** Units available right now. */
  readonly stock: number;
}

/**
 * @example const entries = await catalog.priceOf(['3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13']);
 */
export interface ProductCatalog {
  /** @returns an entry for every id the catalog sells; unknown ids are absent from the map */
  priceOf(productIds: readonly string[]): Promise<Map<string, CatalogEntry>>;
}
