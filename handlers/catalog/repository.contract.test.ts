/**
 * What every ProductRepository must do, run against each implementation: in memory and PGlite
 * (the SQL that Aurora runs). A case that passes on one and fails on another is a bug in that one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenSubject, repositorySubjects } from '../sql-test-support.ts';
import type { Product } from './domain/product.ts';
import type { ProductQuery } from './domain/product-query.ts';
import { InMemoryProductRepository } from './in-memory-repository.ts';
import { DuplicateSkuError, type ProductRepository } from './repository.ts';
import { SqlProductRepository } from './sql-repository.ts';

const id = (n: number) => `7c1e0000-0000-4000-8000-00000000000${n}`;
const at = (day: number) => `2025-01-0${day}T00:00:00.000Z`;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

function product(n: number, fields: Partial<Product>): Product {
  return {
    id: id(n),
    sku: `SKU-${n}`,
    name: `Product ${n}`,
    description: null,
    category: 'home',
    tags: [],
    price: eur(1000),
    stock: 1,
    media: [],
    createdAt: at(1),
    updatedAt: at(1),
    ...fields,
  };
}

// Ties on purpose: boots and tent share a price, lamp and socks a creation time; their ids are
// not in insertion order, so only the id tie-break explains the order they come back in.
const boots = product(1, {
  name: 'Alpine Boots',
  category: 'sports',
  tags: ['hiking', 'trail'],
  price: eur(12900),
  stock: 3,
  createdAt: at(1),
  media: [
    { kind: 'image', url: 'https://cdn.shop.example/boots.jpg', alt: 'Boots' },
    { kind: 'video', url: 'https://cdn.shop.example/boots.mp4', durationSeconds: 12 },
  ],
});
const tent = product(2, {
  name: 'Éclair Tent',
  category: 'sports',
  tags: ['camping'],
  price: eur(12900),
  createdAt: at(3),
});
const lamp = product(3, {
  name: 'Beta Headlamp',
  category: 'electronics',
  tags: ['night', 'trail'],
  price: eur(4900),
  stock: 12,
  createdAt: at(2),
});
const book = product(4, {
  name: 'Zebra Book',
  description: 'A field_guide to 50% of all trails.',
  category: 'books',
  price: eur(2490),
  stock: 58,
  createdAt: at(4),
});
const socks = product(5, {
  name: 'alpine socks',
  description: 'Warm Wool, 100% merino.',
  category: 'clothing',
  tags: ['hiking'],
  price: eur(1900),
  stock: 0,
  createdAt: at(2),
});
const all = [socks, boots, tent, lamp, book];

const page = (query: Partial<ProductQuery>): ProductQuery => ({
  filter: {},
  sort: '-createdAt',
  limit: 50,
  ...query,
});

const subjects = repositorySubjects<readonly Product[], ProductRepository>({
  context: 'catalog',
  memory: (products) => new InMemoryProductRepository(products),
  sql: async (db, products) => {
    const repository = new SqlProductRepository(db);
    for (const p of products) await repository.insert(p);
    return repository;
  },
});

describe.each(subjects)('ProductRepository: $name', (subject) => {
  let store: OpenSubject<readonly Product[], ProductRepository>;
  beforeAll(async () => {
    store = await subject.open();
  });
  afterAll(() => store?.close());

  it.each<[string, { given: Partial<ProductQuery>; want: Product[] }]>([
    ['newest first by default', { given: {}, want: [book, tent, lamp, socks, boots] }],
    ['oldest first, ties by id', { given: { sort: 'createdAt' }, want: [boots, lamp, socks, tent, book] }],
    ['cheapest first, ties by id', { given: { sort: 'price' }, want: [socks, book, lamp, boots, tent] }],
    [
      'dearest first, ties still by id ascending',
      { given: { sort: '-price' }, want: [boots, tent, lamp, book, socks] },
    ],
    [
      'by name, case and accents as a reader expects',
      { given: { sort: 'name' }, want: [boots, socks, lamp, tent, book] },
    ],
    ['by name descending', { given: { sort: '-name' }, want: [book, tent, lamp, socks, boots] }],
    ['one category', { given: { filter: { category: 'sports' } }, want: [tent, boots] }],
    ['a tag', { given: { filter: { tags: ['trail'] } }, want: [lamp, boots] }],
    ['every tag listed', { given: { filter: { tags: ['hiking', 'trail'] } }, want: [boots] }],
    [
      'a price range, both ends inclusive',
      { given: { filter: { minPrice: 2490, maxPrice: 4900 } }, want: [book, lamp] },
    ],
    // Found by charter fuzz: the contract types price bounds as numbers, not whole numbers.
    [
      'fractional price bounds',
      { given: { filter: { minPrice: 2489.5, maxPrice: 4900.25 } }, want: [book, lamp] },
    ],
    [
      'the smallest positive number as a bound',
      { given: { filter: { minPrice: 5e-324 } }, want: [book, tent, lamp, socks, boots] },
    ],
    ['in stock', { given: { filter: { inStock: true } }, want: [book, tent, lamp, boots] }],
    ['sold out', { given: { filter: { inStock: false } }, want: [socks] }],
    ['text, any case, in the name', { given: { filter: { q: 'ALPINE' } }, want: [socks, boots] }],
    ['every word, across name and description', { given: { filter: { q: 'alpine wool' } }, want: [socks] }],
    ['accented text in any case', { given: { filter: { q: 'ÉCLAIR' } }, want: [tent] }],
    ['words found in tags', { given: { filter: { q: 'trail night' } }, want: [lamp] }],
    ['% and _ match themselves', { given: { filter: { q: '50% field_guide' } }, want: [book] }],
    [
      'blank text does not filter',
      { given: { filter: { q: '  ' } }, want: [book, tent, lamp, socks, boots] },
    ],
    [
      'filters combine',
      { given: { filter: { category: 'sports', inStock: true, maxPrice: 12900, q: 'tent' } }, want: [tent] },
    ],
    ['at most `limit`', { given: { limit: 2 }, want: [book, tent] }],
    [
      'strictly after a position, within a tie',
      { given: { sort: 'price', after: { key: 12900, id: boots.id } }, want: [tent] },
    ],
    [
      'strictly after a position, descending',
      { given: { sort: '-price', after: { key: 12900, id: tent.id } }, want: [lamp, book, socks] },
    ],
    [
      'strictly after a creation time',
      { given: { after: { key: Date.parse(at(2)), id: lamp.id } }, want: [socks, boots] },
    ],
    [
      'strictly after a name',
      { given: { sort: 'name', after: { key: 'alpine socks', id: socks.id } }, want: [lamp, tent, book] },
    ],
    [
      'after a position, filtered and limited',
      {
        given: { filter: { tags: ['hiking'] }, sort: 'price', after: { key: 1900, id: socks.id }, limit: 1 },
        want: [boots],
      },
    ],
  ])('lists %s', async (_name, { given, want }) => {
    const products = await store.given(all);
    expect(await products.list(page(given))).toEqual(want);
  });

  it('gets a product by id and by SKU, exactly as inserted', async () => {
    const products = await store.given(all);
    expect(await products.get(boots.id)).toEqual(boots);
    expect(await products.findBySku('SKU-5')).toEqual(socks);
  });

  it('finds nothing for an unknown id or SKU (SKUs match exactly)', async () => {
    const products = await store.given(all);
    expect(await products.get(id(9))).toBeUndefined();
    expect(await products.findBySku('sku-5')).toBeUndefined();
  });

  it('keeps a timestamp as the same instant, whatever its spelling', async () => {
    const products = await store.given([{ ...boots, createdAt: '2025-03-14T09:26:53Z' }]);
    const found = await products.get(boots.id);
    expect(Date.parse(found?.createdAt ?? '')).toBe(Date.parse('2025-03-14T09:26:53.000Z'));
  });

  it('refuses a second product with a taken SKU, and stores nothing of it', async () => {
    const products = await store.given(all);
    await expect(products.insert(product(9, { sku: boots.sku }))).rejects.toBeInstanceOf(DuplicateSkuError);
    expect(await products.get(id(9))).toBeUndefined();
  });

  it('replaces a product on update, its SKU included', async () => {
    const products = await store.given(all);
    const changed = {
      ...lamp,
      sku: 'LAMP-2',
      description: 'Brighter.',
      tags: [],
      stock: 0,
      updatedAt: at(9),
    };
    await products.update(changed);
    expect(await products.get(lamp.id)).toEqual(changed);
    expect(await products.findBySku(lamp.sku)).toBeUndefined();
    expect(await products.get(boots.id)).toEqual(boots);
  });

  it('refuses an update to another product’s SKU and keeps the product as it was', async () => {
    const products = await store.given(all);
    await expect(products.update({ ...lamp, sku: boots.sku })).rejects.toBeInstanceOf(DuplicateSkuError);
    expect(await products.get(lamp.id)).toEqual(lamp);
  });

  it('hands out copies: changing a returned product changes nothing stored', async () => {
    const products = await store.given(all);
    const found = (await products.get(boots.id)) as Product;
    found.tags.push('changed');
    found.price.amount = 1;
    expect(await products.get(boots.id)).toEqual(boots);
  });
});
