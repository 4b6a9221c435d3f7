import { describe, expect, it } from 'vitest';
import { apiKey, invoke } from '../test-support.ts';
import { getProductRecommendations } from './get-product-recommendations.ts';
import { getUserRecommendations } from './get-user-recommendations.ts';
import { createInMemoryDeps } from './index.ts';
import { seedProductIds as ids, seedSessionId, seedUserIds as users } from './seed.ts';

const UNKNOWN_PRODUCT = '0e4f8a2b-1c3d-4e5f-9a7b-6c8d0e2f4a1b';
const auth = apiKey('storefront');
const requestId = 'req-1';
const notFound = (slug: string, detail: string) => ({
  status: 404,
  body: {
    type: `urn:charter:problem:${slug}`,
    title: 'Not found',
    status: 404,
    detail,
    instance: `urn:request:${requestId}`,
  },
});

describe('getProductRecommendations', () => {
  it('answers 200 with scored recommendations, best first', async () => {
    const response = await invoke(getProductRecommendations, createInMemoryDeps(), {
      path: { productId: ids.trailRunner },
      query: { limit: 3, exclude: [ids.trailGuide] },
      auth,
    });
    expect(response).toEqual({
      status: 200,
      body: {
        productId: ids.trailRunner,
        items: [
          { productId: ids.merinoSocks, score: 1, reason: 'bought-together' },
          { productId: ids.hydrationVest, score: 0.729, reason: 'similar' },
          { productId: ids.gardenBed, score: 0.35, reason: 'trending' },
        ],
      },
    });
  });

  it('answers 404 for a product it does not know', async () => {
    const response = await invoke(getProductRecommendations, createInMemoryDeps(), {
      path: { productId: UNKNOWN_PRODUCT },
      auth,
      requestId,
    });
    expect(response).toEqual(notFound('product-not-found', `Product ${UNKNOWN_PRODUCT} does not exist.`));
  });
});

describe('getUserRecommendations', () => {
  it('answers 200 with a feed that counts the current session', async () => {
    const response = await invoke(getUserRecommendations, createInMemoryDeps(), {
      path: { userId: users.gardener },
      query: { limit: 2 },
      headers: { 'X-Session-Id': seedSessionId },
      auth,
    });
    expect(response).toEqual({
      status: 200,
      body: {
        userId: users.gardener,
        items: [
          { productId: ids.trailRunner, score: 0.8, reason: 'bought-together' },
          { productId: ids.merinoSocks, score: 0.45, reason: 'trending' },
        ],
      },
    });
  });

  it('uses the default limit of 5 without a session', async () => {
    const response = await invoke(getUserRecommendations, createInMemoryDeps(), {
      path: { userId: users.runner },
      auth,
    });
    expect(response.status).toBe(200);
    expect(response.status === 200 && response.body.items).toHaveLength(5);
  });

  it('answers 404 for a user it does not know', async () => {
    const response = await invoke(getUserRecommendations, createInMemoryDeps(), {
      path: { userId: 'u_ghost' },
      auth,
      requestId,
    });
    expect(response).toEqual(notFound('user-not-found', 'User u_ghost is not known.'));
  });
});
