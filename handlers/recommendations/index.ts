/**
 * The recommendations context's handlers, one per operation of contracts/recommendations/openapi.yaml.
 * @example
 * import { createDeps, handlers } from './handlers/recommendations/index.ts';
 * const app = createApp({ routes: contextRoutes, handlers, deps: await createDeps(), authenticator });
 * @module
 */
import type { Handlers } from '../../generated/recommendations/handlers.gen.ts';
import type { RecommendationsDeps } from './deps.ts';
import { getProductRecommendations } from './get-product-recommendations.ts';
import { getUserRecommendations } from './get-user-recommendations.ts';

/** Every recommendations operation; leaving one out is a compile error. */
export const handlers = {
  getProductRecommendations,
  getUserRecommendations,
} satisfies Handlers<RecommendationsDeps>;

export { createDeps, createInMemoryDeps, type RecommendationsDeps } from './deps.ts';
