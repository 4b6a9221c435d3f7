import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../product-catalog.ts';
import type { NewOrderLine } from './order.ts';
import { type PricingResult, priceLines } from './pricing.ts';

const catalog = new Map<string, CatalogEntry>([
  ['shoe', { name: 'Trail Runner 2', price: { amount: 12900, currency: 'EUR' }, stock: 37 }],
  ['sock', { name: 'Merino Running Socks', price: { amount: 1900, currency: 'EUR' }, stock: 2 }],
  ['lamp', { name: 'Summit Headlamp 400', price: { amount: 4900, currency: 'EUR' }, stock: 0 }],
  ['book', { name: 'Field Guide', price: { amount: 2500, currency: 'GBP' }, stock: 9 }],
]);

describe('priceLines', () => {
  it.each<[string, { given: NewOrderLine[]; want: PricingResult }]>([
    [
      'freezes catalog names and prices and totals the lines',
      {
        given: [
          { productId: 'shoe', quantity: 1 },
          { productId: 'sock', quantity: 2 },
        ],
        want: {
          ok: true,
          lines: [
            {
              productId: 'shoe',
              name: 'Trail Runner 2',
              quantity: 1,
              unitPrice: { amount: 12900, currency: 'EUR' },
              lineTotal: { amount: 12900, currency: 'EUR' },
            },
            {
              productId: 'sock',
              name: 'Merino Running Socks',
              quantity: 2,
              unitPrice: { amount: 1900, currency: 'EUR' },
              lineTotal: { amount: 3800, currency: 'EUR' },
            },
          ],
          total: { amount: 16700, currency: 'EUR' },
        },
      },
    ],
    [
      'ordering exactly the stock is allowed',
      { given: [{ productId: 'sock', quantity: 2 }], want: expect.objectContaining({ ok: true }) },
    ],
    [
      'refuses more than the stock',
      {
        given: [{ productId: 'sock', quantity: 3 }],
        want: {
          ok: false,
          rejection: { reason: 'out-of-stock', productId: 'sock', requested: 3, available: 2 },
        },
      },
    ],
    [
      'refuses a sold-out product',
      {
        given: [{ productId: 'lamp', quantity: 1 }],
        want: {
          ok: false,
          rejection: { reason: 'out-of-stock', productId: 'lamp', requested: 1, available: 0 },
        },
      },
    ],
    [
      'refuses a product the catalog does not sell',
      {
        given: [
          { productId: 'shoe', quantity: 1 },
          { productId: 'gone', quantity: 1 },
        ],
        want: { ok: false, rejection: { reason: 'unknown-product', productId: 'gone' } },
      },
    ],
    [
      'reports the first failing line first',
      {
        given: [
          { productId: 'gone', quantity: 1 },
          { productId: 'lamp', quantity: 1 },
        ],
        want: { ok: false, rejection: { reason: 'unknown-product', productId: 'gone' } },
      },
    ],
    [
      'refuses lines in different currencies',
      {
        given: [
          { productId: 'shoe', quantity: 1 },
          { productId: 'book', quantity: 1 },
        ],
        want: {
          ok: false,
          rejection: { reason: 'currency-mismatch', productId: 'book', currency: 'GBP', expected: 'EUR' },
        },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(priceLines(given, catalog)).toEqual(want);
  });
});
