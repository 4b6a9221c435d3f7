/**
 * What the catalog handlers depend on, and the defaults `charter dev` and tests run with.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { InMemoryProductRepository } from './in-memory-repository.ts';
import type { ProductRepository } from './repository.ts';
import { seedProducts } from './seed.ts';

/** The catalog context's dependencies, created once per function. */
export interface CatalogDeps {
  readonly products: ProductRepository;
  /** The current time; injected so that timestamps are testable. */
  readonly clock: () => Date;
  /** A new product id (a UUID). */
  readonly newId: () => string;
}

/**
 * In-memory defaults holding the seed catalog; pass overrides to swap any part.
 * @example createDeps({ clock: () => new Date('2025-07-01T00:00:00Z') })
 */
export function createDeps(overrides: Partial<CatalogDeps> = {}): CatalogDeps {
  return {
    products: new InMemoryProductRepository(seedProducts),
    clock: () => new Date(),
    newId: randomUUID,
    ...overrides,
  };
}
