/**
 * What the recommendations handlers depend on, and how a function creates them.
 * @module
 */
import type { Closable } from '@charter/platform/runtime/data';
import { InMemorySignalRepository } from './in-memory-repository.ts';
import type { SignalRepository } from './repository.ts';
import { seedSignals } from './seed.ts';
import { openRecommendationsStore, type RecommendationsStore } from './store.ts';

/** The recommendations context's dependencies, created once per function. */
export interface RecommendationsDeps {
  readonly signals: SignalRepository;
}

/**
 * The deps a function runs with, once per cold start: signals in PostgreSQL (`DATABASE_URL`),
 * in PGlite (`CHARTER_DATA_DIR`, set by `charter dev`) or in memory; `close()` releases them.
 * Passing `signals` skips opening a store.
 * @example const deps = await createDeps(); ...; await deps.close();
 */
export async function createDeps(
  overrides: Partial<RecommendationsDeps> = {},
): Promise<RecommendationsDeps & Closable> {
  const store: RecommendationsStore = overrides.signals
    ? { signals: overrides.signals, close: async () => {} }
    : await openRecommendationsStore();
  return { ...createInMemoryDeps({ signals: store.signals, ...overrides }), close: () => store.close() };
}

/**
 * In-memory deps holding the seed signals, whatever the environment says: for unit tests.
 * @example createInMemoryDeps({ signals: new InMemorySignalRepository(testSignals) })
 */
export function createInMemoryDeps(overrides: Partial<RecommendationsDeps> = {}): RecommendationsDeps {
  return { signals: overrides.signals ?? new InMemorySignalRepository(seedSignals), ...overrides };
}
