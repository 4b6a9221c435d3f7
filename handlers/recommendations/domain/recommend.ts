/**
 * The two recommendation use cases: for a product page and for a shopper's personal feed.
 * @module
 */
import type { SignalRepository } from '../repository.ts';
import { historySeeds, productCandidates, trendingCandidates } from './candidates.ts';
import { type Candidate, type Recommendation, rank } from './scoring.ts';

/** The contract's default for `limit`. */
export const DEFAULT_LIMIT = 5;

/**
 * Products to show next to a product: bought together, similar, then trending. Never the
 * product itself nor anything in `exclude`.
 * @returns the recommendations, or undefined when the product is not known
 * @example await recommendForProduct(deps.signals, { productId, exclude: cartIds, limit: 5 })
 */
export async function recommendForProduct(
  signals: SignalRepository,
  request: { readonly productId: string; readonly exclude?: readonly string[]; readonly limit?: number },
): Promise<Recommendation[] | undefined> {
  const own = await signals.productSignals(request.productId);
  if (!own) return undefined;
  const candidates = [...productCandidates(own), ...trendingCandidates(await signals.trending())];
  return rank(candidates, {
    exclude: [request.productId, ...(request.exclude ?? [])],
    limit: request.limit ?? DEFAULT_LIMIT,
  });
}

/**
 * A shopper's feed: products related to what they bought and viewed (this visit counting more
 * than earlier ones), then trending. Products they already bought are left out.
 * @returns the recommendations, or undefined when the user is not known
 * @example await recommendForUser(deps.signals, { userId: 'u_8f3k2m9q', sessionId, limit: 5 })
 */
export async function recommendForUser(
  signals: SignalRepository,
  request: { readonly userId: string; readonly sessionId?: string; readonly limit?: number },
): Promise<Recommendation[] | undefined> {
  const history = await signals.userHistory(request.userId);
  if (!history) return undefined;
  const sessionViews = request.sessionId === undefined ? [] : await signals.sessionViews(request.sessionId);
  const seeds = historySeeds(history, sessionViews);
  const seedSignals = await Promise.all(seeds.map((seed) => signals.productSignals(seed.productId)));
  const candidates: Candidate[] = trendingCandidates(await signals.trending());
  seeds.forEach((seed, i) => {
    const found = seedSignals[i];
    // A product the signals do not know yet (new in the catalog) simply contributes nothing.
    if (found) candidates.push(...productCandidates(found, seed.weight));
  });
  return rank(candidates, { exclude: history.purchased, limit: request.limit ?? DEFAULT_LIMIT });
}
