/**
 * Turning stored signals into scored candidates, for a product page and for a shopper's feed.
 * @module
 */
import type { ProductSignals, UserHistory, WeightedProduct } from '../repository.ts';
import { type Candidate, relativeStrengths } from './scoring.ts';

/**
 * How much each kind of history says about a shopper's taste: a purchase most, a view in the
 * current visit more than an older view.
 */
export const HISTORY_WEIGHTS = { purchased: 1, sessionView: 0.8, viewed: 0.6 } as const;

/**
 * Candidates from one product's signals, scaled by how much that product matters (1 on its own page).
 * @example productCandidates(await signals.productSignals(productId), 1)
 */
export function productCandidates(signals: ProductSignals, weight = 1): Candidate[] {
  const together = relativeStrengths(signals.boughtTogether).map(({ productId, strength }) => ({
    productId,
    reason: 'bought-together' as const,
    strength: strength * weight,
  }));
  const similar = signals.similar.map(({ productId, weight: similarity }) => ({
    productId,
    reason: 'similar' as const,
    strength: similarity * weight,
  }));
  return [...together, ...similar];
}

/** @example trendingCandidates(await signals.trending()) */
export function trendingCandidates(trending: readonly WeightedProduct[]): Candidate[] {
  return trending.map(({ productId, weight }) => ({
    productId,
    reason: 'trending' as const,
    strength: weight,
  }));
}

/**
 * The products a shopper's feed is built around, each with the weight of its strongest evidence.
 * @example historySeeds({ purchased: ['a'], viewed: ['b'] }, ['b']) // [{ productId: 'a', weight: 1 }, { productId: 'b', weight: 0.8 }]
 */
export function historySeeds(history: UserHistory, sessionViews: readonly string[]): WeightedProduct[] {
  const seeds = new Map<string, number>();
  const add = (ids: readonly string[], weight: number) => {
    for (const id of ids) seeds.set(id, Math.max(seeds.get(id) ?? 0, weight));
  };
  add(history.purchased, HISTORY_WEIGHTS.purchased);
  add(sessionViews, HISTORY_WEIGHTS.sessionView);
  add(history.viewed, HISTORY_WEIGHTS.viewed);
  return [...seeds].map(([productId, weight]) => ({ productId, weight }));
}
