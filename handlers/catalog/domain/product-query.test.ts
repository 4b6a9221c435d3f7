import { describe, expect, it } from 'vitest';
import { seedProductIds as ids, seedProducts } from '../seed.ts';
import {
  comparePositions,
  compareProducts,
  matchesFilter,
  type ProductFilter,
  type ProductSort,
  type SortPosition,
} from './product-query.ts';

const idsMatching = (filter: ProductFilter) =>
  seedProducts.filter((product) => matchesFilter(product, filter)).map((product) => product.id);

describe('matchesFilter', () => {
  it.each<[string, { given: ProductFilter; want: string[] }]>([
    ['no filter matches everything', { given: {}, want: seedProducts.map((p) => p.id) }],
    ['category', { given: { category: 'books' }, want: [ids.trailGuide] }],
    [
      'tags must all be present',
      { given: { tags: ['running', 'trail'] }, want: [ids.trailRunner, ids.hydrationVest] },
    ],
    [
      'price range is inclusive',
      { given: { minPrice: 4900, maxPrice: 8900 }, want: [ids.hydrationVest, ids.headlamp] },
    ],
    ['inStock=false keeps sold-out products', { given: { inStock: false }, want: [ids.headlamp] }],
    [
      'q searches the description, case-insensitively',
      { given: { q: 'TRAIL shoe' }, want: [ids.trailRunner] },
    ],
    ['q searches tags', { given: { q: 'vegetables' }, want: [ids.gardenBed] }],
    ['q words combine with AND', { given: { q: 'merino vest' }, want: [] }],
    [
      'filters combine with AND',
      { given: { tags: ['running'], inStock: true, maxPrice: 5000 }, want: [ids.merinoSocks] },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(idsMatching(given)).toEqual(want);
  });
});

describe('compareProducts', () => {
  it.each<[ProductSort, string[]]>([
    [
      'price',
      [ids.merinoSocks, ids.trailGuide, ids.headlamp, ids.hydrationVest, ids.trailRunner, ids.gardenBed],
    ],
    [
      '-price',
      [ids.gardenBed, ids.trailRunner, ids.hydrationVest, ids.headlamp, ids.trailGuide, ids.merinoSocks],
    ],
    [
      'name',
      [ids.trailGuide, ids.gardenBed, ids.merinoSocks, ids.hydrationVest, ids.headlamp, ids.trailRunner],
    ],
    [
      '-createdAt',
      [ids.gardenBed, ids.hydrationVest, ids.trailRunner, ids.merinoSocks, ids.headlamp, ids.trailGuide],
    ],
    [
      'createdAt',
      [ids.trailGuide, ids.headlamp, ids.merinoSocks, ids.trailRunner, ids.hydrationVest, ids.gardenBed],
    ],
  ])('sorts by %s', (sort, want) => {
    expect([...seedProducts].sort((a, b) => compareProducts(a, b, sort)).map((p) => p.id)).toEqual(want);
  });
});

describe('comparePositions', () => {
  it.each<[string, { given: [SortPosition, SortPosition, ProductSort]; want: number }]>([
    [
      'lower key first when ascending',
      { given: [{ key: 1, id: 'b' }, { key: 2, id: 'a' }, 'price'], want: -1 },
    ],
    [
      'higher key first when descending',
      { given: [{ key: 1, id: 'b' }, { key: 2, id: 'a' }, '-price'], want: 1 },
    ],
    [
      'equal keys fall back to the id',
      { given: [{ key: 1, id: 'a' }, { key: 1, id: 'b' }, '-price'], want: -1 },
    ],
    [
      'the same position is equal',
      { given: [{ key: 'x', id: 'a' }, { key: 'x', id: 'a' }, 'name'], want: 0 },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(Math.sign(comparePositions(...given))).toBe(want);
  });
});
