/**
 * A {@link ProductRepository} in a Map, for tests and for `charter dev` until PGlite replaces it.
 * @module
 */
import type { Product } from './domain/product.ts';
import {
  comparePositions,
  compareProducts,
  matchesFilter,
  type ProductQuery,
  positionOf,
} from './domain/product-query.ts';
import { DuplicateSkuError, type ProductRepository } from './repository.ts';

/**
 * Products in memory. Every read and write copies, so callers can never change stored state
 * by mutating an object they hold, just as with a database.
 * @example const products = new InMemoryProductRepository(seedProducts);
 */
export class InMemoryProductRepository implements ProductRepository {
  readonly #byId = new Map<string, Product>();

  constructor(products: readonly Product[] = []) {
    for (const product of products) this.#byId.set(product.id, structuredClone(product));
  }

  async get(id: string): Promise<Product | undefined> {
    const product = this.#byId.get(id);
    return product && structuredClone(product);
  }

  async findBySku(sku: string): Promise<Product | undefined> {
    for (const product of this.#byId.values()) if (product.sku === sku) return structuredClone(product);
    return undefined;
  }

  async list(query: ProductQuery): Promise<Product[]> {
    const { filter, sort, after, limit } = query;
    return [...this.#byId.values()]
      .filter((product) => matchesFilter(product, filter))
      .filter((product) => !after || comparePositions(positionOf(product, sort), after, sort) > 0)
      .sort((a, b) => compareProducts(a, b, sort))
      .slice(0, limit)
      .map((product) => structuredClone(product));
  }

  async insert(product: Product): Promise<void> {
    this.#assertSkuFree(product);
    this.#byId.set(product.id, structuredClone(product));
  }

  async update(product: Product): Promise<void> {
    this.#assertSkuFree(product);
    this.#byId.set(product.id, structuredClone(product));
  }

  #assertSkuFree(product: Product): void {
    for (const other of this.#byId.values()) {
      if (other.sku === product.sku && other.id !== product.id) throw new DuplicateSkuError(product.sku);
    }
  }
}
