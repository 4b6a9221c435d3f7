import { describe, expect, it } from 'vitest';
import {
  buildProduct,
  type NewProductInput,
  type Product,
  type ProductPatch,
  patchProduct,
} from './product.ts';

const now = new Date('2025-07-01T12:00:00.000Z');
const price = { amount: 12900, currency: 'EUR' };

const stored: Product = {
  id: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
  sku: 'TR2-BLK-42',
  name: 'Trail Runner 2',
  description: 'Lightweight trail shoe.',
  category: 'sports',
  tags: ['running', 'trail'],
  price,
  stock: 37,
  media: [],
  createdAt: '2025-03-14T09:26:53Z',
  updatedAt: '2025-06-02T16:40:11Z',
};

describe('buildProduct', () => {
  it.each<[string, { given: NewProductInput; want: Partial<Product> }]>([
    [
      'fills the contract defaults for omitted fields',
      {
        given: { sku: 'TR2-BLK-42', name: 'Trail Runner 2', category: 'sports', price },
        want: { description: null, tags: [], stock: 0, media: [] },
      },
    ],
    [
      'keeps the fields that were sent',
      {
        given: {
          sku: 'X-1',
          name: 'X',
          category: 'toys',
          price,
          stock: 4,
          tags: ['kids'],
          description: 'Fun.',
        },
        want: { sku: 'X-1', stock: 4, tags: ['kids'], description: 'Fun.' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const product = buildProduct(given, { id: 'new-id', now });
    expect(product).toMatchObject({
      ...want,
      id: 'new-id',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  });
});

describe('patchProduct', () => {
  it.each<[string, { given: ProductPatch; want: Partial<Product> }]>([
    [
      'changes only the listed fields',
      { given: { stock: 3 }, want: { stock: 3, name: 'Trail Runner 2', tags: ['running', 'trail'] } },
    ],
    ['null removes the description', { given: { description: null }, want: { description: null } }],
    [
      'an absent description keeps it',
      { given: { name: 'TR 2' }, want: { description: 'Lightweight trail shoe.' } },
    ],
    ['lists replace the whole list', { given: { tags: ['sale'] }, want: { tags: ['sale'] } }],
    ['zero stock is a value, not an omission', { given: { stock: 0 }, want: { stock: 0 } }],
  ])('%s', (_name, { given, want }) => {
    expect(patchProduct(stored, given, now)).toMatchObject(want);
  });

  it('never changes id or createdAt and stamps updatedAt', () => {
    const patched = patchProduct(
      stored,
      { ...({ id: 'other', createdAt: 'x' } as ProductPatch), name: 'New' },
      now,
    );
    expect(patched).toMatchObject({
      id: stored.id,
      createdAt: stored.createdAt,
      updatedAt: now.toISOString(),
    });
  });
});
