import { describe, expect, it } from 'vitest';
import { InMemoryProductRepository } from '../in-memory-repository.ts';
import { seedProducts } from '../seed.ts';
import { type BrowseRequest, browseProducts } from './browse-products.ts';
import { encodeCursor } from './cursor.ts';
import { compareProducts, matchesFilter, type ProductFilter, type ProductSort } from './product-query.ts';

const products = new InMemoryProductRepository(seedProducts);

/** Follows nextCursor to the end and returns every page's ids. */
async function walk(request: BrowseRequest): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const result = await browseProducts(products, { ...request, cursor });
    if (!result.ok) throw new Error(result.reason);
    pages.push(result.items.map((p) => p.id));
    cursor = result.nextCursor ?? undefined;
    // A cursor that does not advance would loop forever; fail instead.
    if (pages.length > seedProducts.length + 1) throw new Error('paging does not terminate');
  } while (cursor);
  return pages;
}

describe('browseProducts', () => {
  it.each<[string, { given: { sort?: ProductSort; limit: number; filter?: ProductFilter }; want: number[] }]>(
    [
      ['pages of 2 newest first by default', { given: { limit: 2 }, want: [2, 2, 2] }],
      ['a last page shorter than the limit', { given: { sort: 'price', limit: 4 }, want: [4, 2] }],
      ['one page when everything fits', { given: { sort: 'name', limit: 20 }, want: [6] }],
      ['pages over a filtered list', { given: { limit: 1, filter: { tags: ['trail'] } }, want: [1, 1, 1] }],
      ['an empty page when nothing matches', { given: { limit: 5, filter: { q: 'submarine' } }, want: [0] }],
    ],
  )('%s', async (_name, { given, want }) => {
    const filter = given.filter ?? {};
    const pages = await walk({ ...given, filter });
    expect(pages.map((page) => page.length)).toEqual(want);
    // Paging must neither skip nor repeat: the pages together are the unpaged, sorted list.
    const sorted = seedProducts
      .filter((p) => matchesFilter(p, filter))
      .sort((a, b) => compareProducts(a, b, given.sort ?? '-createdAt'))
      .map((p) => p.id);
    expect(pages.flat()).toEqual(sorted);
  });

  it.each<[string, { given: Partial<BrowseRequest>; want: string }]>([
    [
      'refuses text that is no cursor',
      { given: { cursor: 'bogus' }, want: 'is not a cursor this API issued' },
    ],
    [
      'refuses a cursor taken from another sort',
      {
        given: { cursor: encodeCursor({ sort: 'price', after: { key: 1900, id: 'a' } }), sort: 'name' },
        want: 'was issued for sort=price, not sort=name',
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    const result = await browseProducts(products, { filter: {}, ...given });
    expect(result).toEqual({ ok: false, error: 'invalid-cursor', reason: want });
  });
});
