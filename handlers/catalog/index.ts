/**
 * The catalog context's handlers, one per operation of contracts/catalog/openapi.yaml.
 * @example
 * import { createDeps, handlers } from './handlers/catalog/index.ts';
 * const app = createApp({ routes: contextRoutes, handlers, deps: await createDeps(), authenticator });
 * @module
 */
import type { Handlers } from '../../generated/catalog/handlers.gen.ts';
import { createProduct } from './create-product.ts';
import type { CatalogDeps } from './deps.ts';
import { getProduct } from './get-product.ts';
import { listProducts } from './list-products.ts';
import { updateProduct } from './update-product.ts';

/** Every catalog operation; leaving one out is a compile error. */
export const handlers = {
  createProduct,
  getProduct,
  listProducts,
  updateProduct,
} satisfies Handlers<CatalogDeps>;

export { type CatalogDeps, createDeps, createInMemoryDeps } from './deps.ts';
