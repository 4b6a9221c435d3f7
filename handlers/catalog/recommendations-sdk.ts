/**
 * The recommendations context as the catalog reaches it: through its generated SDK, with an API
 * key, a per-call time budget and no retries (product detail has no time for them).
 * @module
 */
import { createClient, getProductRecommendations } from '../../sdk/recommendations/src/index.gen.ts';
import type { RecommendationSource } from './recommendation-source.ts';

/**
 * @example sdkRecommendationSource({ baseUrl: process.env.CHARTER_URL_RECOMMENDATIONS, apiKey })
 */
export function sdkRecommendationSource(options: {
  readonly baseUrl: string;
  readonly apiKey?: string;
}): RecommendationSource {
  const client = createClient({ baseUrl: options.baseUrl, auth: { apiKey: options.apiKey }, retries: 0 });
  return {
    async forProduct(productId, { limit, timeoutMs }) {
      const { data, error } = await getProductRecommendations(client, {
        params: { path: { productId }, query: { limit } },
        timeoutMs,
        retries: 0,
      });
      if (error) throw new Error(`recommendations answered ${error.status}: ${error.title}`);
      return data.items.map(({ productId: id, score }) => ({ productId: id, score }));
    },
  };
}
