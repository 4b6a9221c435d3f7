import type { Handlers } from '../../generated/catalog/handlers.gen.ts';
import type { CatalogDeps } from './deps.ts';
import { productNotFound } from './problems.ts';

/**
 * GET /products/{productId}: one product, or 404.
 * @example await getProduct({ path: { productId }, ...request })
 */
export const getProduct: Handlers<CatalogDeps>['getProduct'] = async ({ path, context }) => {
  const product = await context.deps.products.get(path.productId);
  if (!product) return productNotFound(path.productId, context.requestId);
  return { status: 200, body: product };
};
