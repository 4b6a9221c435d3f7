import type { Handlers } from '../../generated/catalog/handlers.gen.ts';
import type { CatalogDeps } from './deps.ts';
import { changeProduct } from './domain/save-product.ts';
import { productNotFound, skuTaken } from './problems.ts';

/**
 * PATCH /products/{productId}: changes some fields; 404 for an unknown product, 409 for a taken SKU.
 * @example await updateProduct({ path: { productId }, body: { description: null }, ...request })
 */
export const updateProduct: Handlers<CatalogDeps>['updateProduct'] = async ({ path, body, context }) => {
  const result = await changeProduct(context.deps, path.productId, body);
  if (result.ok) return { status: 200, body: result.product };
  switch (result.error.kind) {
    case 'not-found':
      return productNotFound(result.error.id, context.requestId);
    case 'sku-taken':
      return skuTaken(result.error.sku, context.requestId);
  }
};
