/**
 * Where the catalog keeps its products: PostgreSQL with `DATABASE_URL` (Aurora on AWS), PGlite
 * under `charter dev`, in memory otherwise.
 * @module
 */
import { type Closable, openContextStore, type SqlClient } from '@charter/platform/runtime/data';
import { InMemoryProductRepository } from './in-memory-repository.ts';
import type { ProductRepository } from './repository.ts';
import { seedProducts } from './seed.ts';
import { SqlProductRepository } from './sql-repository.ts';

/** The catalog's repositories and the handle that releases their database. */
export interface CatalogStore extends Closable {
  readonly products: ProductRepository;
}

/**
 * @example const store = await openCatalogStore(); ...; await store.close();
 */
export function openCatalogStore(env = process.env): Promise<CatalogStore> {
  return openContextStore<Omit<CatalogStore, 'close'>>({
    context: 'catalog',
    env,
    migrations: new URL('./migrations/', import.meta.url),
    // Dynamic, and only when CHARTER_DATA_DIR is set: Lambda bundles never load PGlite.
    openLocal: async (dataDir) => (await import('@charter/platform/gateway/data')).openPglite(dataDir),
    seedLocal: seedEmptyCatalog,
    sql: (db) => ({ products: new SqlProductRepository(db) }),
    memory: () => ({ products: new InMemoryProductRepository(seedProducts) }),
  });
}

/** A fresh clone's `npm start` shows the demo catalog; products added later are kept. */
async function seedEmptyCatalog(db: SqlClient): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ empty }] = await tx.query<{ empty: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM products) AS empty',
    );
    if (!empty) return;
    const products = new SqlProductRepository(tx);
    for (const product of seedProducts) await products.insert(product);
  });
}
