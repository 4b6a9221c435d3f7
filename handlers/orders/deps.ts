/**
 * What the orders handlers depend on, and how a function creates them.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Closable } from '@charter/platform/runtime/data';
import { sdkProductCatalog } from './catalog-sdk.ts';
import { InMemoryProductCatalog } from './in-memory-product-catalog.ts';
import { InMemoryOrderRepository } from './in-memory-repository.ts';
import type { ProductCatalog } from './product-catalog.ts';
import type { OrderRepository } from './repository.ts';
import { seedCatalog } from './seed.ts';
import { type OrdersStore, openOrdersStore } from './store.ts';

// The port is part of what orders depends on, so it is importable from here too.
export type { CatalogEntry, ProductCatalog } from './product-catalog.ts';

/** The orders context's dependencies, created once per function. */
export interface OrdersDeps {
  readonly orders: OrderRepository;
  /** Product names, prices and stock: the catalog context, through its SDK. */
  readonly catalog: ProductCatalog;
  /** The current time; injected so that timestamps are testable. */
  readonly clock: () => Date;
  /** A new order id (a UUID). */
  readonly newId: () => string;
}

/**
 * The deps a function runs with, once per cold start: orders in PostgreSQL (`DATABASE_URL`),
 * in PGlite (`CHARTER_DATA_DIR`, set by `charter dev`) or in memory; `close()` releases them.
 * Passing `orders` skips opening a store.
 * @example const deps = await createDeps(); ...; await deps.close();
 */
export async function createDeps(overrides: Partial<OrdersDeps> = {}): Promise<OrdersDeps & Closable> {
  const store: OrdersStore = overrides.orders
    ? { orders: overrides.orders, close: async () => {} }
    : await openOrdersStore();
  const catalogUrl = process.env.CHARTER_URL_CATALOG;
  // Prices come from the catalog context itself when its address is known (the dev gateway and
  // the deployed stack set it); the seed copy keeps a lone orders context usable.
  const catalog = overrides.catalog ?? (catalogUrl ? sdkProductCatalog({ baseUrl: catalogUrl }) : undefined);
  return {
    ...createInMemoryDeps({ orders: store.orders, ...(catalog ? { catalog } : {}), ...overrides }),
    close: () => store.close(),
  };
}

/**
 * In-memory deps, whatever the environment says: no orders yet, the catalog's seed products
 * for sale. For unit tests.
 * @example createInMemoryDeps({ clock: () => new Date('2025-07-01T00:00:00Z') })
 */
export function createInMemoryDeps(overrides: Partial<OrdersDeps> = {}): OrdersDeps {
  return {
    orders: overrides.orders ?? new InMemoryOrderRepository(),
    catalog: overrides.catalog ?? new InMemoryProductCatalog(seedCatalog),
    clock: () => new Date(),
    newId: randomUUID,
    ...overrides,
  };
}
