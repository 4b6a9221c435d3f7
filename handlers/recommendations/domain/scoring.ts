/**
 * Recommendation scoring: every signal becomes a candidate with a strength in [0, 1], each reason
 * has a weight, and a product recommended for several reasons keeps its best one.
 * @module
 */
import type { components } from '../../../generated/recommendations/types.gen.ts';

/** A recommendation, exactly as the contract returns it. */
export type Recommendation = components['schemas']['Recommendation'];
/** Why a product is recommended. */
export type Reason = Recommendation['reason'];

/** One reason to recommend one product. */
export interface Candidate {
  readonly productId: string;
  readonly reason: Reason;
  /** How strong the signal is, from 0 (none) to 1 (strongest). */
  readonly strength: number;
}

/**
 * What each reason is worth. Being bought together is the best evidence of a need, similarity
 * the next, and trending products only top the list up.
 */
export const REASON_WEIGHTS: Readonly<Record<Reason, number>> = {
  'bought-together': 1,
  similar: 0.9,
  trending: 0.5,
};

/**
 * @returns the candidate's score in [0, 1], rounded to three places so responses stay stable
 * @example score({ productId, reason: 'trending', strength: 0.8 }) // 0.4
 */
export function score(candidate: Candidate): number {
  const strength = Math.min(1, Math.max(0, candidate.strength));
  return Math.round(strength * REASON_WEIGHTS[candidate.reason] * 1000) / 1000;
}

/**
 * Keeps each product's best-scoring reason, drops excluded products, and returns the best first
 * (ties by product id, so equal scores come out in a stable order).
 * @example rank(candidates, { exclude: [productId], limit: 5 })
 */
export function rank(
  candidates: Iterable<Candidate>,
  options: { readonly exclude?: Iterable<string>; readonly limit: number },
): Recommendation[] {
  const excluded = new Set(options.exclude);
  const best = new Map<string, Recommendation>();
  for (const candidate of candidates) {
    if (excluded.has(candidate.productId)) continue;
    const scored = { productId: candidate.productId, score: score(candidate), reason: candidate.reason };
    const current = best.get(candidate.productId);
    if (!current || outranks(scored, current)) best.set(candidate.productId, scored);
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))
    .slice(0, options.limit);
}

// On equal scores the more telling reason wins: the weights order the reasons.
function outranks(a: Recommendation, b: Recommendation): boolean {
  return a.score > b.score || (a.score === b.score && REASON_WEIGHTS[a.reason] > REASON_WEIGHTS[b.reason]);
}

/**
 * Scales counts to strengths relative to the largest, so that the most frequent pairing is 1.
 * @example relativeStrengths([{ productId: 'a', count: 48 }, { productId: 'b', count: 12 }]) // a: 1, b: 0.25
 */
export function relativeStrengths(
  counts: readonly { readonly productId: string; readonly count: number }[],
): { productId: string; strength: number }[] {
  const max = Math.max(0, ...counts.map((c) => c.count));
  return counts.map((c) => ({ productId: c.productId, strength: max > 0 ? c.count / max : 0 }));
}
