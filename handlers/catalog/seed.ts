/**
 * The products `charter dev` starts with. The ids are fixed because the orders and
 * recommendations contexts keep copies of them (contexts never import each other).
 * @module
 */
import type { Product } from './domain/product.ts';

/** Ids of the seeded products, by a name tests and docs can use. */
export const seedProductIds = {
  trailRunner: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
  merinoSocks: '9a0b4c2d-6e1f-4a3b-8c5d-7e9f1a2b3c4d',
  hydrationVest: '5d2e8f1a-3b4c-4d6e-8f9a-0b1c2d3e4f5a',
  headlamp: '7e1a2b3c-4d5e-4f6a-9b8c-1d2e3f4a5b6c',
  trailGuide: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  gardenBed: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
} as const;

const ids = seedProductIds;
const cdn = 'https://cdn.shop.example/products';

/**
 * A small, realistic catalog: three departments, one product sold out, media of both kinds.
 * @example new InMemoryProductRepository(seedProducts)
 */
export const seedProducts: readonly Product[] = [
  {
    id: ids.trailRunner,
    sku: 'TR2-BLK-42',
    name: 'Trail Runner 2',
    description: 'Lightweight trail shoe with a grippy outsole and a breathable mesh upper.',
    category: 'sports',
    tags: ['running', 'trail'],
    price: { amount: 12900, currency: 'EUR' },
    stock: 37,
    media: [
      { kind: 'image', url: `${cdn}/trail-runner-2/side.jpg`, alt: 'Trail Runner 2 seen from the side' },
      { kind: 'video', url: `${cdn}/trail-runner-2/on-trail.mp4`, durationSeconds: 42 },
    ],
    createdAt: '2025-03-14T09:26:53Z',
    updatedAt: '2025-06-02T16:40:11Z',
  },
  {
    id: ids.merinoSocks,
    sku: 'MRS-GRY-M',
    name: 'Merino Running Socks',
    description: 'Cushioned merino wool socks that stay dry and do not smell after long runs.',
    category: 'clothing',
    tags: ['running', 'merino'],
    price: { amount: 1900, currency: 'EUR' },
    stock: 240,
    media: [{ kind: 'image', url: `${cdn}/merino-socks/pair.jpg`, alt: 'A pair of grey merino socks' }],
    createdAt: '2025-02-03T08:00:00Z',
    updatedAt: '2025-02-03T08:00:00Z',
  },
  {
    id: ids.hydrationVest,
    sku: 'RHV-8L-BLU',
    name: 'Ridge Hydration Vest 8L',
    description: 'Running vest with two soft flasks and room for a rain jacket.',
    category: 'sports',
    tags: ['running', 'trail', 'hydration'],
    price: { amount: 8900, currency: 'EUR' },
    stock: 12,
    media: [],
    createdAt: '2025-04-22T12:30:00Z',
    updatedAt: '2025-05-01T10:00:00Z',
  },
  {
    id: ids.headlamp,
    sku: 'HL-400',
    name: 'Summit Headlamp 400',
    description: 'Rechargeable 400-lumen headlamp with a red night mode.',
    category: 'electronics',
    tags: ['running', 'camping', 'night'],
    price: { amount: 4900, currency: 'EUR' },
    stock: 0,
    media: [{ kind: 'image', url: `${cdn}/headlamp-400/front.jpg`, alt: 'Headlamp seen from the front' }],
    createdAt: '2025-01-10T15:45:00Z',
    updatedAt: '2025-06-20T09:12:00Z',
  },
  {
    id: ids.trailGuide,
    sku: 'BK-ALP-TRAILS',
    name: 'Alpine Trails: A Field Guide',
    description: null,
    category: 'books',
    tags: ['trail', 'hiking'],
    price: { amount: 2490, currency: 'EUR' },
    stock: 58,
    media: [],
    createdAt: '2024-11-05T10:00:00Z',
    updatedAt: '2024-11-05T10:00:00Z',
  },
  {
    id: ids.gardenBed,
    sku: 'GB-CEDAR-120',
    name: 'Cedar Raised Garden Bed',
    description: 'Untreated cedar bed, 120 × 60 cm, assembles without tools.',
    category: 'garden',
    tags: ['outdoor', 'vegetables'],
    price: { amount: 14900, currency: 'EUR' },
    stock: 5,
    media: [],
    createdAt: '2025-05-30T07:20:00Z',
    updatedAt: '2025-05-30T07:20:00Z',
  },
];
