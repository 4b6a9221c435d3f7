/**
 * What the recommendations handlers depend on, and the defaults `charter dev` and tests run with.
 * @module
 */
import { InMemorySignalRepository } from './in-memory-repository.ts';
import type { SignalRepository } from './repository.ts';
import { seedSignals } from './seed.ts';

/** The recommendations context's dependencies, created once per function. */
export interface RecommendationsDeps {
  readonly signals: SignalRepository;
}

/**
 * In-memory defaults holding the seed signals.
 * @example createDeps({ signals: new InMemorySignalRepository(testSignals) })
 */
export function createDeps(overrides: Partial<RecommendationsDeps> = {}): RecommendationsDeps {
  return { signals: new InMemorySignalRepository(seedSignals), ...overrides };
}
