/**
 * The catalog as orders sees it in `charter dev` and tests: the catalog's seed product ids,
 * names, prices and stock, copied because contexts never import each other. Keep in step
 * with handlers/catalog/seed.ts until the catalog SDK replaces this copy.
 * @module
 */
import type { CatalogEntry } from './product-catalog.ts';

/** Ids of the catalog's seeded products. */
export const seedProductIds = {
  trailRunner: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
  merinoSocks: '9a0b4c2d-6e1f-4a3b-8c5d-7e9f1a2b3c4d',
  hydrationVest: '5d2e8f1a-3b4c-4d6e-8f9a-0b1c2d3e4f5a',
  headlamp: '7e1a2b3c-4d5e-4f6a-9b8c-1d2e3f4a5b6c',
  trailGuide: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  gardenBed: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
} as const;

const ids = seedProductIds;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** @example new InMemoryProductCatalog(seedCatalog) */
export const seedCatalog: Readonly<Record<string, CatalogEntry>> = {
  [ids.trailRunner]: { name: 'Trail Runner 2', price: eur(12900), stock: 37 },
  [ids.merinoSocks]: { name: 'Merino Running Socks', price: eur(1900), stock: 240 },
  [ids.hydrationVest]: { name: 'Ridge Hydration Vest 8L', price: eur(8900), stock: 12 },
  [ids.headlamp]: { name: 'Summit Headlamp 400', price: eur(4900), stock: 0 },
  [ids.trailGuide]: { name: 'Alpine Trails: A Field Guide', price: eur(2490), stock: 58 },
  [ids.gardenBed]: { name: 'Cedar Raised Garden Bed', price: eur(14900), stock: 5 },
};
