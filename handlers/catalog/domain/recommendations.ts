/**
 * Product detail must not fail because recommendations do. Calls go through a circuit breaker
 * with a time budget; any failure (slow, down, circuit open) answers an empty, degraded list.
 * @module
 */
import type { CircuitBreaker } from '@charter/platform/runtime/resilience';
import type { RecommendationSource, RecommendedProduct } from '../recommendation-source.ts';

export interface Recommendations {
  readonly items: readonly RecommendedProduct[];
  readonly degraded: boolean;
}

export interface RecommendationPolicy {
  readonly source: RecommendationSource;
  readonly breaker: CircuitBreaker;
  /** The most time product detail spends waiting for recommendations. */
  readonly timeoutMs: number;
  /** @default 5 */
  readonly limit?: number;
}

/**
 * @example const { items, degraded } = await recommendationsFor(productId, deps.recommendations);
 */
export async function recommendationsFor(
  productId: string,
  policy: RecommendationPolicy,
): Promise<Recommendations> {
  try {
    const items = await policy.breaker.call(() =>
      policy.source.forProduct(productId, { limit: policy.limit ?? 5, timeoutMs: policy.timeoutMs }),
    );
    return { items, degraded: false };
  } catch {
    return { items: [], degraded: true };
  }
}
