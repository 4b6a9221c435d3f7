/**
 * Where products are kept. The interface is async and storage-neutral so that the in-memory
 * implementation, PGlite locally and Aurora on AWS are interchangeable.
 * @module
 */
import type { Product } from './domain/product.ts';
import type { ProductQuery } from './domain/product-query.ts';

/**
 * Product storage.
 * @example const product = await deps.products.get(productId);
 */
export interface ProductRepository {
  /** @returns the product, or undefined when no product has this id */
  get(id: string): Promise<Product | undefined>;
  /** @returns the product holding this SKU, if any */
  findBySku(sku: string): Promise<Product | undefined>;
  /** Products matching the query's filter, after its position, in its sort order, at most `limit`. */
  list(query: ProductQuery): Promise<Product[]>;
  /** @throws DuplicateSkuError when another product holds the SKU (a unique index in SQL) */
  insert(product: Product): Promise<void>;
  /**
   * Replaces the stored product with the same id.
   * @throws DuplicateSkuError when another product holds the SKU
   */
  update(product: Product): Promise<void>;
}

/**
 * The store refused a write because the SKU is taken; raised by the store itself so that two
 * concurrent writers cannot both pass the check that precedes the write.
 */
export class DuplicateSkuError extends Error {
  constructor(readonly sku: string) {
    super(`SKU ${sku} is already used by another product.`);
    this.name = 'DuplicateSkuError';
  }
}
