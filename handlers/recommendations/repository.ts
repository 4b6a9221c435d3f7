/**
 * Where the signals recommendations are computed from are kept: similarity and co-purchase per
 * product, what is trending, and shoppers' histories. Read-only here; an offline job writes them.
 * Async and storage-neutral so that in-memory, PGlite and Aurora implementations are interchangeable.
 * @module
 */

/** A product with a weight in [0, 1]. */
export interface WeightedProduct {
  readonly productId: string;
  readonly weight: number;
}

/** What is known about one catalog product. */
export interface ProductSignals {
  /** Products like this one, with their similarity. */
  readonly similar: readonly WeightedProduct[];
  /** Products bought in the same order as this one, with how many orders did so. */
  readonly boughtTogether: readonly { readonly productId: string; readonly count: number }[];
}

/** What a shopper has done before this visit. */
export interface UserHistory {
  readonly purchased: readonly string[];
  readonly viewed: readonly string[];
}

/**
 * @example const signals = await deps.signals.productSignals(productId);
 */
export interface SignalRepository {
  /** @returns the product's signals, or undefined when the product is not known */
  productSignals(productId: string): Promise<ProductSignals | undefined>;
  /** Products trending in the shop right now, weight = how strongly. */
  trending(): Promise<readonly WeightedProduct[]>;
  /** @returns the user's history, or undefined when the user is not known */
  userHistory(userId: string): Promise<UserHistory | undefined>;
  /** Products viewed in a browsing session; empty for an unknown session. */
  sessionViews(sessionId: string): Promise<readonly string[]>;
}
