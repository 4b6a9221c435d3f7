/**
 * How products are filtered and ordered when listed. The in-memory repository runs these
 * functions directly; a SQL repository must reproduce the same order (key, then id ascending)
 * so that cursors stay valid across implementations.
 * @module
 */
import type { Category, Product } from './product.ts';

/** A sort field; a leading `-` sorts descending. */
export type ProductSort = 'price' | '-price' | 'name' | '-name' | 'createdAt' | '-createdAt';

/** Newest first, as the contract documents for an absent `sort`. */
export const DEFAULT_SORT: ProductSort = '-createdAt';

/** Filters combine with AND; an absent field does not filter. */
export interface ProductFilter {
  /** Every whitespace-separated word must occur in the name, description or tags. */
  readonly q?: string;
  readonly category?: Category;
  /** The product must carry every one of these tags. */
  readonly tags?: readonly string[];
  /** Inclusive lower bound on `price.amount`. */
  readonly minPrice?: number;
  /** Inclusive upper bound on `price.amount`. */
  readonly maxPrice?: number;
  /** `true`: only products with stock; `false`: only sold-out ones. */
  readonly inStock?: boolean;
}

/** Where a product sits in a sort order: its sort key and its id as the tie-breaker. */
export interface SortPosition {
  readonly key: string | number;
  readonly id: string;
}

/** One page worth of products to fetch, in storage-neutral terms. */
export interface ProductQuery {
  readonly filter: ProductFilter;
  readonly sort: ProductSort;
  /** Only products strictly after this position. */
  readonly after?: SortPosition;
  readonly limit: number;
}

const collator = new Intl.Collator('en');

/**
 * @example matchesFilter(product, { tags: ['running'], inStock: true })
 */
export function matchesFilter(product: Product, filter: ProductFilter): boolean {
  if (filter.category !== undefined && product.category !== filter.category) return false;
  if (filter.tags && !filter.tags.every((tag) => product.tags.includes(tag))) return false;
  if (filter.minPrice !== undefined && product.price.amount < filter.minPrice) return false;
  if (filter.maxPrice !== undefined && product.price.amount > filter.maxPrice) return false;
  if (filter.inStock !== undefined && product.stock > 0 !== filter.inStock) return false;
  return filter.q === undefined || matchesText(product, filter.q);
}

function matchesText(product: Product, q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [product.name, product.description ?? '', ...product.tags].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

/**
 * @example positionOf(product, '-price') // { key: 12900, id: '3f6c…' }
 */
export function positionOf(product: Product, sort: ProductSort): SortPosition {
  const field = sort.replace(/^-/, '');
  // Timestamps compare as instants: '…53Z' and '…53.000Z' are the same moment.
  const key =
    field === 'price'
      ? product.price.amount
      : field === 'name'
        ? product.name
        : Date.parse(product.createdAt);
  return { key, id: product.id };
}

/**
 * Orders two positions: by key in the sort's direction, then by id ascending so that the order
 * is total and a cursor always lands between two well-defined neighbours.
 * @example comparePositions({ key: 1, id: 'a' }, { key: 2, id: 'b' }, 'price') // < 0
 */
export function comparePositions(a: SortPosition, b: SortPosition, sort: ProductSort): number {
  const byKey =
    typeof a.key === 'string' && typeof b.key === 'string'
      ? collator.compare(a.key, b.key)
      : Number(a.key) - Number(b.key);
  if (byKey !== 0) return sort.startsWith('-') ? -byKey : byKey;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** @example products.sort((a, b) => compareProducts(a, b, 'name')) */
export function compareProducts(a: Product, b: Product, sort: ProductSort): number {
  return comparePositions(positionOf(a, sort), positionOf(b, sort), sort);
}
