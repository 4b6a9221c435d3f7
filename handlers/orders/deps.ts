/**
 * What the orders handlers depend on, and the defaults `charter dev` and tests run with.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { InMemoryProductCatalog } from './in-memory-product-catalog.ts';
import { InMemoryOrderRepository } from './in-memory-repository.ts';
import type { ProductCatalog } from './product-catalog.ts';
import type { OrderRepository } from './repository.ts';
import { seedCatalog } from './seed.ts';

// The port is part of what orders depends on, so it is importable from here too.
export type { CatalogEntry, ProductCatalog } from './product-catalog.ts';

/** The orders context's dependencies, created once per function. */
export interface OrdersDeps {
  readonly orders: OrderRepository;
  /** Product names, prices and stock; the catalog SDK in a later version. */
  readonly catalog: ProductCatalog;
  /** The current time; injected so that timestamps are testable. */
  readonly clock: () => Date;
  /** A new order id (a UUID). */
  readonly newId: () => string;
}

/**
 * In-memory defaults: no orders yet, the catalog's seed products for sale.
 * @example createDeps({ clock: () => new Date('2025-07-01T00:00:00Z') })
 */
export function createDeps(overrides: Partial<OrdersDeps> = {}): OrdersDeps {
  return {
    orders: new InMemoryOrderRepository(),
    catalog: new InMemoryProductCatalog(seedCatalog),
    clock: () => new Date(),
    newId: randomUUID,
    ...overrides,
  };
}
