/**
 * Where orders are kept: PostgreSQL with `DATABASE_URL` (Aurora on AWS), PGlite under
 * `charter dev`, in memory otherwise. Orders start empty everywhere.
 * @module
 */
import { type Closable, openContextStore } from '@charter/platform/runtime/data';
import { InMemoryOrderRepository } from './in-memory-repository.ts';
import type { OrderRepository } from './repository.ts';
import { SqlOrderRepository } from './sql-repository.ts';

/** The orders repositories and the handle that releases their database. */
export interface OrdersStore extends Closable {
  readonly orders: OrderRepository;
}

/**
 * @example const store = await openOrdersStore(); ...; await store.close();
 */
export function openOrdersStore(env = process.env): Promise<OrdersStore> {
  return openContextStore<Omit<OrdersStore, 'close'>>({
    context: 'orders',
    env,
    migrations: new URL('./migrations/', import.meta.url),
    // Dynamic, and only when CHARTER_DATA_DIR is set: Lambda bundles never load PGlite.
    openLocal: async (dataDir) => (await import('@charter/platform/gateway/data')).openPglite(dataDir),
    sql: (db) => ({ orders: new SqlOrderRepository(db) }),
    memory: () => ({ orders: new InMemoryOrderRepository() }),
  });
}
