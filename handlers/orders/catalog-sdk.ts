/**
 * The catalog as orders reaches it: through the catalog context's generated SDK, one product
 * detail call per distinct product, in parallel. Orders never imports catalog code.
 * @module
 */
import { createClient, getProduct } from '../../sdk/catalog/src/index.gen.ts';
import type { CatalogEntry, ProductCatalog } from './product-catalog.ts';

/** @example sdkProductCatalog({ baseUrl: process.env.CHARTER_URL_CATALOG }) */
export function sdkProductCatalog(options: {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
}): ProductCatalog {
  const client = createClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 2_000 });
  return {
    async priceOf(productIds) {
      const entries = new Map<string, CatalogEntry>();
      await Promise.all(
        [...new Set(productIds)].map(async (productId) => {
          const { data, error } = await getProduct(client, { params: { path: { productId } } });
          if (error?.status === 404) return;
          if (error)
            throw new Error(`the catalog answered ${error.status} for product ${productId}: ${error.title}`);
          entries.set(productId, { name: data.name, price: data.price, stock: data.stock });
        }),
      );
      return entries;
    },
  };
}
