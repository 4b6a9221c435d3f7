/**
 * Opens a context's store as the environment chooses and builds its repositories on it: the one
 * place that knows PostgreSQL, PGlite and in-memory apart, so each context only says how to
 * build its repositories on each.
 * @module
 */
import { jsonLogger } from '../core/logger.ts';
import { chooseStore, type StoreEnv } from './choose-store.ts';
import { applyMigrations, type Migration } from './migrations.ts';
import { createPgClient } from './pg-client.ts';
import { readMigrations } from './read-migrations.ts';
import type { Closable, SqlClient } from './sql-client.ts';

/** How one context keeps its data. */
export interface ContextStoreOptions<Repositories> {
  /** The context's name; migrations are recorded under it. */
  readonly context: string;
  /** @default process.env */
  readonly env?: StoreEnv;
  /** The context's migrations directory, or the migrations themselves (a bundle has no directory). */
  readonly migrations: string | URL | (() => Promise<readonly Migration[]>);
  /**
   * Opens embedded PostgreSQL in a directory. Passed in, as a dynamic import of the local
   * gateway's data module, so that the runtime (shipped in functions) never references PGlite.
   */
  readonly openLocal: (dataDir: string) => Promise<SqlClient>;
  /** Fills an empty local store with demo data; never run against a PostgreSQL server. */
  readonly seedLocal?: (db: SqlClient) => Promise<void>;
  /** The repositories over SQL. */
  readonly sql: (db: SqlClient) => Repositories;
  /** The repositories in memory, when no database is configured. */
  readonly memory: () => Repositories;
}

/**
 * @returns the repositories and `close()`, which releases the database (a no-op in memory)
 * @example
 * const store = await openContextStore({
 *   context: 'catalog',
 *   migrations: new URL('./migrations/', import.meta.url),
 *   openLocal: async (dir) => (await import('@charter/platform/gateway/data')).openPglite(dir),
 *   sql: (db) => ({ products: new SqlProductRepository(db) }),
 *   memory: () => ({ products: new InMemoryProductRepository(seedProducts) }),
 * });
 */
export async function openContextStore<Repositories extends object>(
  options: ContextStoreOptions<Repositories>,
): Promise<Repositories & Closable> {
  const choice = chooseStore(options.env ?? process.env);
  if (choice.kind === 'memory') return { ...options.memory(), close: async () => {} };

  const db =
    choice.kind === 'postgres'
      ? createPgClient({
          connectionString: choice.url,
          onIdleError: (error) =>
            jsonLogger({ fields: { context: options.context } }).warn(
              'an idle database connection failed; a new one is opened on next use',
              { error },
            ),
        })
      : await options.openLocal(choice.dataDir);
  try {
    if (choice.kind === 'pglite' || choice.migrate) {
      await applyMigrations(db, options.context, await loadMigrations(options.migrations));
    }
    if (choice.kind === 'pglite') await options.seedLocal?.(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return { ...options.sql(db), close: () => db.close() };
}

async function loadMigrations(
  source: ContextStoreOptions<unknown>['migrations'],
): Promise<readonly Migration[]> {
  return typeof source === 'function' ? source() : readMigrations(source);
}
