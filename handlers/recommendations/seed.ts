/**
 * The signals `charter dev` and tests start with, over the catalog's seed products. The ids are
 * copied from handlers/catalog/seed.ts because contexts never import each other.
 * @module
 */
import type { SignalData } from './in-memory-repository.ts';

/** Ids of the catalog's seeded products. */
export const seedProductIds = {
  trailRunner: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
  merinoSocks: '9a0b4c2d-6e1f-4a3b-8c5d-7e9f1a2b3c4d',
  hydrationVest: '5d2e8f1a-3b4c-4d6e-8f9a-0b1c2d3e4f5a',
  headlamp: '7e1a2b3c-4d5e-4f6a-9b8c-1d2e3f4a5b6c',
  trailGuide: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  gardenBed: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
} as const;

/** Seeded shoppers and a browsing session. */
export const seedUserIds = { runner: 'u_8f3k2m9q', gardener: 'u_2b7c4d1e', newcomer: 'u_0newbie' } as const;
/** A browsing session in which the headlamp was viewed. */
export const seedSessionId = 's_01HZX4Q2M7R8T9V0W1Y2Z3A4B5';

const ids = seedProductIds;

/**
 * Runners buy shoes with socks and vests; the garden bed shares nothing with the running gear.
 * @example new InMemorySignalRepository(seedSignals)
 */
export const seedSignals: SignalData = {
  products: {
    [ids.trailRunner]: {
      similar: [
        { productId: ids.hydrationVest, weight: 0.81 },
        { productId: ids.trailGuide, weight: 0.62 },
      ],
      boughtTogether: [
        { productId: ids.merinoSocks, count: 48 },
        { productId: ids.hydrationVest, count: 21 },
        { productId: ids.headlamp, count: 9 },
      ],
    },
    [ids.merinoSocks]: {
      similar: [],
      boughtTogether: [
        { productId: ids.trailRunner, count: 48 },
        { productId: ids.hydrationVest, count: 6 },
      ],
    },
    [ids.hydrationVest]: {
      similar: [
        { productId: ids.trailRunner, weight: 0.81 },
        { productId: ids.headlamp, weight: 0.55 },
      ],
      boughtTogether: [
        { productId: ids.trailRunner, count: 21 },
        { productId: ids.merinoSocks, count: 6 },
      ],
    },
    [ids.headlamp]: {
      similar: [{ productId: ids.hydrationVest, weight: 0.55 }],
      boughtTogether: [{ productId: ids.trailRunner, count: 9 }],
    },
    [ids.trailGuide]: { similar: [{ productId: ids.trailRunner, weight: 0.62 }], boughtTogether: [] },
    [ids.gardenBed]: { similar: [], boughtTogether: [] },
  },
  trending: [
    { productId: ids.merinoSocks, weight: 0.9 },
    { productId: ids.gardenBed, weight: 0.7 },
    { productId: ids.headlamp, weight: 0.44 },
    { productId: ids.trailRunner, weight: 0.4 },
  ],
  users: {
    [seedUserIds.runner]: { purchased: [ids.trailRunner], viewed: [ids.trailGuide] },
    [seedUserIds.gardener]: { purchased: [ids.gardenBed], viewed: [] },
    [seedUserIds.newcomer]: { purchased: [], viewed: [] },
  },
  sessions: {
    [seedSessionId]: [ids.headlamp],
  },
};
