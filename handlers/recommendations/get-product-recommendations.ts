import type { Handlers } from '../../generated/recommendations/handlers.gen.ts';
import type { RecommendationsDeps } from './deps.ts';
import { recommendForProduct } from './domain/recommend.ts';
import { productNotFound } from './problems.ts';

/**
 * GET /products/{productId}/recommendations: what to show next to a product, best first.
 * @example await getProductRecommendations({ path: { productId }, query: { limit: 3, exclude: cartIds }, auth, context })
 */
export const getProductRecommendations: Handlers<RecommendationsDeps>['getProductRecommendations'] = async ({
  path,
  query,
  context,
}) => {
  const items = await recommendForProduct(context.deps.signals, {
    productId: path.productId,
    exclude: query.exclude,
    limit: query.limit,
  });
  if (!items) return productNotFound(path.productId, context.requestId);
  return { status: 200, body: { productId: path.productId, items } };
};
