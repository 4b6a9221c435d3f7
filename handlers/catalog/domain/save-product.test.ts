import { describe, expect, it } from 'vitest';
import { InMemoryProductRepository } from '../in-memory-repository.ts';
import { DuplicateSkuError } from '../repository.ts';
import { seedProductIds as ids, seedProducts } from '../seed.ts';
import type { NewProductInput, ProductPatch } from './product.ts';
import { addProduct, changeProduct, type SaveProductPorts } from './save-product.ts';

const NEW_ID = '11111111-2222-4333-8444-555555555555';
const now = new Date('2025-07-01T12:00:00.000Z');
const price = { amount: 999, currency: 'EUR' };

function ports(products = new InMemoryProductRepository(seedProducts)): SaveProductPorts {
  return { products, clock: () => now, newId: () => NEW_ID };
}

describe('addProduct', () => {
  it.each<[string, { given: NewProductInput; want: unknown }]>([
    [
      'adds a product with a free SKU',
      {
        given: { sku: 'NEW-1', name: 'New', category: 'toys', price },
        want: { ok: true, product: expect.objectContaining({ id: NEW_ID, sku: 'NEW-1', stock: 0 }) },
      },
    ],
    [
      'refuses a SKU another product holds',
      {
        given: { sku: 'TR2-BLK-42', name: 'Copy', category: 'sports', price },
        want: { ok: false, error: { kind: 'sku-taken', sku: 'TR2-BLK-42' } },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    expect(await addProduct(ports(), given)).toEqual(want);
  });

  it('reports a taken SKU when a concurrent writer wins the race', async () => {
    const products = new InMemoryProductRepository();
    products.insert = async (product) => {
      throw new DuplicateSkuError(product.sku);
    };
    const result = await addProduct(ports(products), { sku: 'RACE-1', name: 'R', category: 'toys', price });
    expect(result).toEqual({ ok: false, error: { kind: 'sku-taken', sku: 'RACE-1' } });
  });
});

describe('changeProduct', () => {
  it.each<[string, { given: { id: string; patch: ProductPatch }; want: unknown }]>([
    [
      'changes a product and stamps updatedAt',
      {
        given: { id: ids.merinoSocks, patch: { stock: 10 } },
        want: { ok: true, product: expect.objectContaining({ stock: 10, updatedAt: now.toISOString() }) },
      },
    ],
    [
      'lets a product keep its own SKU',
      {
        given: { id: ids.trailRunner, patch: { sku: 'TR2-BLK-42' } },
        want: expect.objectContaining({ ok: true }),
      },
    ],
    [
      'refuses a SKU another product holds',
      {
        given: { id: ids.merinoSocks, patch: { sku: 'TR2-BLK-42' } },
        want: { ok: false, error: { kind: 'sku-taken', sku: 'TR2-BLK-42' } },
      },
    ],
    [
      'reports an unknown product',
      {
        given: { id: NEW_ID, patch: { stock: 1 } },
        want: { ok: false, error: { kind: 'not-found', id: NEW_ID } },
      },
    ],
  ])('%s', async (_name, { given, want }) => {
    expect(await changeProduct(ports(), given.id, given.patch)).toEqual(want);
  });
});
