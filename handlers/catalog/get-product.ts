import type { Handlers } from '../../generated/catalog/handlers.gen.ts';
import type { CatalogDeps } from './deps.ts';
import { recommendationsFor } from './domain/recommendations.ts';
import { productNotFound } from './problems.ts';

/**
 * GET /products/{productId}: one product with its recommendations, or 404. Recommendations that
 * are slow or failing degrade to an empty list; the product is answered either way.
 * @example await getProduct({ path: { productId }, ...request })
 */
export const getProduct: Handlers<CatalogDeps>['getProduct'] = async ({ path, context }) => {
  const product = await context.deps.products.get(path.productId);
  if (!product) return productNotFound(path.productId, context.requestId);
  const recommendations = await recommendationsFor(product.id, context.deps.recommendations);
  if (recommendations.degraded) context.logger.warn('recommendations degraded', { productId: product.id });
  return {
    status: 200,
    body: {
      ...product,
      recommendations: { items: [...recommendations.items], degraded: recommendations.degraded },
    },
  };
};
