/**
 * The catalog's store as `charter dev` opens it: PGlite in CHARTER_DATA_DIR, migrated, seeded
 * once, and keeping what was written after a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from './domain/product.ts';
import { seedProducts } from './seed.ts';
import { openCatalogStore } from './store.ts';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'charter-catalog-store-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const everything = { filter: {}, sort: 'name', limit: 100 } as const;
const added: Product = {
  ...seedProducts[0],
  id: 'd1a5c0de-0000-4000-8000-000000000001',
  sku: 'NEW-1',
  name: 'Added After Seeding',
  createdAt: '2025-07-01T00:00:00.000Z',
  updatedAt: '2025-07-01T00:00:00.000Z',
};

describe('openCatalogStore', () => {
  it('starts a new local store with the seed catalog', async () => {
    const store = await openCatalogStore({ CHARTER_DATA_DIR: dataDir });
    try {
      const listed = await store.products.list(everything);
      expect(listed.map((p) => p.id).sort()).toEqual(seedProducts.map((p) => p.id).sort());
      await store.products.insert(added);
    } finally {
      await store.close();
    }
  });

  it('reopens with what was written, and does not seed again', async () => {
    const store = await openCatalogStore({ CHARTER_DATA_DIR: dataDir });
    try {
      expect(await store.products.list(everything)).toHaveLength(seedProducts.length + 1);
      expect(await store.products.get(added.id)).toEqual(added);
    } finally {
      await store.close();
    }
  });

  it('keeps products in memory when no store is configured', async () => {
    const store = await openCatalogStore({});
    expect(await store.products.list(everything)).toHaveLength(seedProducts.length);
    await store.close();
  });
});
