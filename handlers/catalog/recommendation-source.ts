/**
 * Where the catalog gets recommendations: a port, so the domain rule that degrades gracefully is
 * tested without HTTP. The production implementation calls the recommendations context through
 * its SDK (recommendations-sdk.ts); no code of that context is imported here.
 * @module
 */

export interface RecommendedProduct {
  readonly productId: string;
  readonly score: number;
}

export interface RecommendationSource {
  /** @throws when the recommendations context is slow (past `timeoutMs`) or failing */
  forProduct(
    productId: string,
    options: { readonly limit: number; readonly timeoutMs: number },
  ): Promise<readonly RecommendedProduct[]>;
}

/** A source with nothing to recommend, for tests and for a catalog run without the other context. */
export const noRecommendations: RecommendationSource = {
  forProduct: async () => [],
};
