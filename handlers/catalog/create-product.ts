import type { Handlers } from '../../generated/catalog/handlers.gen.ts';
import type { CatalogDeps } from './deps.ts';
import { addProduct } from './domain/save-product.ts';
import { skuTaken } from './problems.ts';

/**
 * POST /products: adds a product; 409 when its SKU is taken.
 * @example await createProduct({ body: { sku: 'TR2-BLK-42', name, category, price }, ...request })
 */
export const createProduct: Handlers<CatalogDeps>['createProduct'] = async ({ body, context }) => {
  const result = await addProduct(context.deps, body);
  if (!result.ok) return skuTaken(result.error.sku, context.requestId);
  context.logger.info('product created', { productId: result.product.id, sku: result.product.sku });
  return {
    status: 201,
    body: result.product,
    headers: { Location: `/products/${result.product.id}` },
  };
};
