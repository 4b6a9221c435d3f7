/**
 * What the catalog handlers depend on, and how a function creates them.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Closable } from '@charter/platform/runtime/data';
import { CircuitBreaker } from '@charter/platform/runtime/resilience';
import type { RecommendationPolicy } from './domain/recommendations.ts';
import { InMemoryProductRepository } from './in-memory-repository.ts';
import { noRecommendations } from './recommendation-source.ts';
import { sdkRecommendationSource } from './recommendations-sdk.ts';
import type { ProductRepository } from './repository.ts';
import { seedProducts } from './seed.ts';
import { type CatalogStore, openCatalogStore } from './store.ts';

/**
 * Recommendations from the recommendations context when its base URL is configured
 * (`CHARTER_URL_RECOMMENDATIONS`: the dev gateway sets it; on AWS the stack's environment does),
 * none otherwise. Budget and cool-down come from the environment, with the contract's 300 ms.
 */
export function recommendationPolicy(env: NodeJS.ProcessEnv): RecommendationPolicy {
  const baseUrl = env.CHARTER_URL_RECOMMENDATIONS;
  return {
    source: baseUrl
      ? sdkRecommendationSource({ baseUrl, apiKey: env.CHARTER_API_KEY_RECOMMENDATIONS })
      : noRecommendations,
    breaker: new CircuitBreaker({
      failureThreshold: 3,
      coolDownMs: Number(env.RECOMMENDATIONS_COOL_DOWN_MS ?? 30_000),
    }),
    timeoutMs: Number(env.RECOMMENDATIONS_TIMEOUT_MS ?? 300),
  };
}

/** The catalog context's dependencies, created once per function. */
export interface CatalogDeps {
  readonly products: ProductRepository;
  /** Recommendations for product detail, behind a time budget and a circuit breaker. */
  readonly recommendations: RecommendationPolicy;
  /** The current time; injected so that timestamps are testable. */
  readonly clock: () => Date;
  /** A new product id (a UUID). */
  readonly newId: () => string;
}

/**
 * The deps a function runs with, once per cold start: products in PostgreSQL (`DATABASE_URL`),
 * in PGlite (`CHARTER_DATA_DIR`, set by `charter dev`) or in memory; `close()` releases them.
 * Passing `products` skips opening a store.
 * @example const deps = await createDeps(); ...; await deps.close();
 */
export async function createDeps(overrides: Partial<CatalogDeps> = {}): Promise<CatalogDeps & Closable> {
  const store: CatalogStore = overrides.products
    ? { products: overrides.products, close: async () => {} }
    : await openCatalogStore();
  return { ...createInMemoryDeps({ products: store.products, ...overrides }), close: () => store.close() };
}

/**
 * In-memory deps holding the seed catalog, whatever the environment says: for unit tests.
 * @example createInMemoryDeps({ clock: () => new Date('2025-07-01T00:00:00Z') })
 */
export function createInMemoryDeps(overrides: Partial<CatalogDeps> = {}): CatalogDeps {
  return {
    products: overrides.products ?? new InMemoryProductRepository(seedProducts),
    recommendations: recommendationPolicy(process.env),
    clock: () => new Date(),
    newId: randomUUID,
    ...overrides,
  };
}
