import type { Handlers } from '../../generated/catalog/handlers.gen.ts';
import type { CatalogDeps } from './deps.ts';
import { browseProducts } from './domain/browse-products.ts';
import { invalidQuery } from './problems.ts';

/**
 * GET /products: one page of products matching the filters.
 * `Accept-Language` is accepted but ignored: the catalog keeps one language for now.
 * @example await listProducts({ query: { category: 'sports', sort: 'price' }, ...request })
 */
export const listProducts: Handlers<CatalogDeps>['listProducts'] = async ({ query, context }) => {
  const result = await browseProducts(context.deps.products, {
    filter: {
      q: query.q,
      category: query.category,
      tags: query.tags,
      minPrice: query.price?.gte,
      maxPrice: query.price?.lte,
      inStock: query.inStock,
    },
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
  });
  if (!result.ok) return invalidQuery('cursor', result.reason, context.requestId);
  return { status: 200, body: { items: result.items, nextCursor: result.nextCursor } };
};
