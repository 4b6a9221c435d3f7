import { describe, expect, it } from 'vitest';
import { InMemorySignalRepository } from '../in-memory-repository.ts';
import { seedProductIds as ids, seedSessionId, seedSignals, seedUserIds as users } from '../seed.ts';
import { recommendForProduct, recommendForUser } from './recommend.ts';

const signals = new InMemorySignalRepository(seedSignals);

describe('recommendForProduct', () => {
  it.each<
    [string, { given: { productId: string; exclude?: string[]; limit?: number }; want: string[] | undefined }]
  >([
    [
      'five by default, never the product itself',
      {
        given: { productId: ids.trailRunner },
        want: [ids.merinoSocks, ids.hydrationVest, ids.trailGuide, ids.gardenBed, ids.headlamp],
      },
    ],
    [
      'honours the limit',
      { given: { productId: ids.trailRunner, limit: 2 }, want: [ids.merinoSocks, ids.hydrationVest] },
    ],
    [
      'leaves out excluded products',
      {
        given: { productId: ids.trailRunner, exclude: [ids.merinoSocks], limit: 2 },
        want: [ids.hydrationVest, ids.trailGuide],
      },
    ],
    [
      'tops up with trending products when signals are thin',
      { given: { productId: ids.gardenBed }, want: [ids.merinoSocks, ids.headlamp, ids.trailRunner] },
    ],
    [
      'knows nothing about an unknown product',
      { given: { productId: '0e4f8a2b-1c3d-4e5f-9a7b-6c8d0e2f4a1b' }, want: undefined },
    ],
  ])('%s', async (_name, { given, want }) => {
    expect((await recommendForProduct(signals, given))?.map((r) => r.productId)).toEqual(want);
  });
});

describe('recommendForUser', () => {
  it.each<
    [string, { given: { userId: string; sessionId?: string; limit?: number }; want: string[] | undefined }]
  >([
    [
      'builds on purchases and leaves purchased products out',
      {
        given: { userId: users.runner },
        want: [ids.merinoSocks, ids.hydrationVest, ids.trailGuide, ids.gardenBed, ids.headlamp],
      },
    ],
    [
      'lets this visit’s views count',
      {
        given: { userId: users.gardener, sessionId: seedSessionId },
        want: [ids.trailRunner, ids.merinoSocks, ids.hydrationVest, ids.headlamp],
      },
    ],
    [
      'an unknown session changes nothing',
      {
        given: { userId: users.gardener, sessionId: 'nope' },
        want: [ids.merinoSocks, ids.headlamp, ids.trailRunner],
      },
    ],
    [
      'a user without history gets what is trending',
      { given: { userId: users.newcomer, limit: 1 }, want: [ids.merinoSocks] },
    ],
    ['knows nothing about an unknown user', { given: { userId: 'u_ghost' }, want: undefined }],
    [
      'does not mistake an inherited property for a user',
      { given: { userId: 'constructor' }, want: undefined },
    ],
  ])('%s', async (_name, { given, want }) => {
    expect((await recommendForUser(signals, given))?.map((r) => r.productId)).toEqual(want);
  });
});
