/**
 * Where the recommendation signals are kept: PostgreSQL with `DATABASE_URL` (Aurora on AWS),
 * PGlite under `charter dev`, in memory otherwise.
 * @module
 */
import { type Closable, openContextStore, type SqlClient } from '@charter/platform/runtime/data';
import { InMemorySignalRepository } from './in-memory-repository.ts';
import type { SignalRepository } from './repository.ts';
import { seedSignals } from './seed.ts';
import { insertSignals, SqlSignalRepository } from './sql-repository.ts';

/** The recommendations repositories and the handle that releases their database. */
export interface RecommendationsStore extends Closable {
  readonly signals: SignalRepository;
}

/**
 * @example const store = await openRecommendationsStore(); ...; await store.close();
 */
export function openRecommendationsStore(env = process.env): Promise<RecommendationsStore> {
  return openContextStore<Omit<RecommendationsStore, 'close'>>({
    context: 'recommendations',
    env,
    migrations: new URL('./migrations/', import.meta.url),
    // Dynamic, and only when CHARTER_DATA_DIR is set: Lambda bundles never load PGlite.
    openLocal: async (dataDir) => (await import('@charter/platform/gateway/data')).openPglite(dataDir),
    seedLocal: seedEmptySignals,
    sql: (db) => ({ signals: new SqlSignalRepository(db) }),
    memory: () => ({ signals: new InMemorySignalRepository(seedSignals) }),
  });
}

/** Until an offline job computes real signals, a local store starts with the demo ones. */
async function seedEmptySignals(db: SqlClient): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ empty }] = await tx.query<{ empty: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM product_signals) AS empty',
    );
    if (empty) await insertSignals(tx, seedSignals);
  });
}
