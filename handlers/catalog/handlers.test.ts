import { describe, expect, it } from 'vitest';
import { bearer, invoke } from '../test-support.ts';
import { createProduct } from './create-product.ts';
import { encodeCursor } from './domain/cursor.ts';
import { getProduct } from './get-product.ts';
import { createInMemoryDeps } from './index.ts';
import { listProducts } from './list-products.ts';
import { seedProductIds as ids, seedProducts } from './seed.ts';
import { updateProduct } from './update-product.ts';

const NEW_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const UNKNOWN_ID = '0e4f8a2b-1c3d-4e5f-9a7b-6c8d0e2f4a1b';
const now = new Date('2025-07-01T12:00:00.000Z');
const writer = bearer('catalog-admin', ['catalog:write']);
const requestId = 'req-1';

const deps = () => createInMemoryDeps({ clock: () => now, newId: () => NEW_ID });
const problem = (status: number, slug: string, title: string, detail: string) => ({
  type: `urn:charter:problem:${slug}`,
  title,
  status,
  detail,
  instance: `urn:request:${requestId}`,
});

describe('getProduct', () => {
  it('returns the product with its recommendations', async () => {
    const recommended = [{ productId: ids.trailRunner, score: 0.9 }];
    const recommendations = { ...deps().recommendations, source: { forProduct: async () => recommended } };
    const response = await invoke(getProduct, createInMemoryDeps({ recommendations }), {
      path: { productId: ids.trailRunner },
    });
    expect(response).toEqual({
      status: 200,
      body: { ...seedProducts[0], recommendations: { items: recommended, degraded: false } },
    });
  });

  it('still returns the product when recommendations fail, with an empty list marked degraded', async () => {
    const failing = { forProduct: () => Promise.reject(new Error('recommendations are down')) };
    const recommendations = { ...deps().recommendations, source: failing };
    const response = await invoke(getProduct, createInMemoryDeps({ recommendations }), {
      path: { productId: ids.trailRunner },
    });
    expect(response).toEqual({
      status: 200,
      body: { ...seedProducts[0], recommendations: { items: [], degraded: true } },
    });
  });

  it('answers 404 for an unknown id', async () => {
    const response = await invoke(getProduct, deps(), { path: { productId: UNKNOWN_ID }, requestId });
    expect(response).toEqual({
      status: 404,
      body: problem(404, 'product-not-found', 'Product not found', `Product ${UNKNOWN_ID} does not exist.`),
    });
  });
});

describe('listProducts', () => {
  it('maps every query parameter onto the filter', async () => {
    const response = await invoke(listProducts, deps(), {
      query: {
        q: 'running',
        tags: ['running'],
        category: 'sports',
        price: { gte: 5000, lte: 20000 },
        inStock: true,
        sort: 'price',
      },
      headers: { 'Accept-Language': 'de-DE, en;q=0.8' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [seedProducts.find((p) => p.id === ids.hydrationVest), seedProducts[0]],
      nextCursor: null,
    });
  });

  it('returns a cursor that leads to the next page', async () => {
    const d = deps();
    const first = await invoke(listProducts, d, { query: { limit: 4 } });
    if (first.status !== 200) throw new Error(`expected 200, got ${first.status}`);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await invoke(listProducts, d, {
      query: { limit: 4, cursor: first.body.nextCursor ?? '' },
    });
    expect(second).toMatchObject({ status: 200, body: { nextCursor: null } });
    if (second.status !== 200) return;
    expect(second.body.items.map((p) => p.id)).toEqual([ids.headlamp, ids.trailGuide]);
  });

  it.each<[string, { cursor: string; sort?: 'name'; message: string }]>([
    ['a cursor it never issued', { cursor: 'bogus', message: 'is not a cursor this API issued' }],
    [
      'a cursor from another sort',
      {
        cursor: encodeCursor({ sort: '-createdAt', after: { key: 0, id: ids.gardenBed } }),
        sort: 'name',
        message: 'was issued for sort=-createdAt, not sort=name',
      },
    ],
  ])('answers 400 for %s', async (_name, { cursor, sort, message }) => {
    const response = await invoke(listProducts, deps(), { query: { cursor, sort }, requestId });
    expect(response).toEqual({
      status: 400,
      body: {
        ...problem(400, 'invalid-query', 'Bad Request', `Query parameter cursor ${message}.`),
        errors: [{ in: 'query', name: 'cursor', message }],
      },
    });
  });
});

describe('createProduct', () => {
  const body = {
    sku: 'TENT-2P',
    name: 'Two-person Tent',
    category: 'sports',
    price: { amount: 19900, currency: 'EUR' },
  } as const;

  it('creates the product, answers 201 with Location, and stores it', async () => {
    const d = deps();
    const response = await invoke(createProduct, d, { body: { ...body, stock: 3 }, auth: writer });
    const created = {
      id: NEW_ID,
      ...body,
      description: null,
      tags: [],
      stock: 3,
      media: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    expect(response).toEqual({ status: 201, body: created, headers: { Location: `/products/${NEW_ID}` } });
    expect(await d.products.get(NEW_ID)).toEqual(created);
  });

  it('answers 409 when the SKU is taken', async () => {
    const response = await invoke(createProduct, deps(), {
      body: { ...body, sku: 'TR2-BLK-42', stock: 0 },
      auth: writer,
      requestId,
    });
    expect(response).toEqual({
      status: 409,
      body: problem(409, 'sku-taken', 'SKU already taken', 'Another product already uses SKU TR2-BLK-42.'),
    });
  });
});

describe('updateProduct', () => {
  it('changes the listed fields and answers 200', async () => {
    const response = await invoke(updateProduct, deps(), {
      path: { productId: ids.trailRunner },
      body: { price: { amount: 10900, currency: 'EUR' }, description: null },
      auth: writer,
    });
    expect(response).toEqual({
      status: 200,
      body: {
        ...seedProducts[0],
        price: { amount: 10900, currency: 'EUR' },
        description: null,
        updatedAt: now.toISOString(),
      },
    });
  });

  it('answers 404 for an unknown product', async () => {
    const response = await invoke(updateProduct, deps(), {
      path: { productId: UNKNOWN_ID },
      body: { stock: 1 },
      auth: writer,
      requestId,
    });
    expect(response).toEqual({
      status: 404,
      body: problem(404, 'product-not-found', 'Product not found', `Product ${UNKNOWN_ID} does not exist.`),
    });
  });

  it('answers 409 when the new SKU belongs to another product', async () => {
    const response = await invoke(updateProduct, deps(), {
      path: { productId: ids.merinoSocks },
      body: { sku: 'TR2-BLK-42' },
      auth: writer,
      requestId,
    });
    expect(response).toEqual({
      status: 409,
      body: problem(409, 'sku-taken', 'SKU already taken', 'Another product already uses SKU TR2-BLK-42.'),
    });
  });
});
