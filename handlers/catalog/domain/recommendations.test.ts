import { CircuitBreaker } from '@charter/platform/runtime/resilience';
import { describe, expect, it } from 'vitest';
import type { RecommendationSource } from '../recommendation-source.ts';
import { recommendationsFor } from './recommendations.ts';

const items = [{ productId: 'p2', score: 0.5 }];
const answering: RecommendationSource = { forProduct: async () => items };
const failing: RecommendationSource = { forProduct: () => Promise.reject(new Error('slow')) };

describe('recommendationsFor', () => {
  it.each([
    ['a healthy source', answering, { items, degraded: false }],
    ['a failing or slow source', failing, { items: [], degraded: true }],
  ])('%s', async (_name, source, want) => {
    expect(await recommendationsFor('p1', { source, breaker: new CircuitBreaker(), timeoutMs: 300 })).toEqual(
      want,
    );
  });

  it('stops calling a failing source once the circuit opens, and asks again after the cool-down', async () => {
    let now = 0;
    let calls = 0;
    const source: RecommendationSource = {
      forProduct: async () => {
        calls++;
        throw new Error('down');
      },
    };
    const policy = {
      source,
      breaker: new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1000, now: () => now }),
      timeoutMs: 300,
    };
    for (let i = 0; i < 5; i++) expect((await recommendationsFor('p1', policy)).degraded).toBe(true);
    expect(calls).toBe(2);
    now = 1000;
    await recommendationsFor('p1', { ...policy, source: answering });
    expect((await recommendationsFor('p1', { ...policy, source: answering })).degraded).toBe(false);
  });

  it('passes the time budget and the limit to the source', async () => {
    const seen: unknown[] = [];
    const source: RecommendationSource = {
      forProduct: async (_id, options) => {
        seen.push(options);
        return [];
      },
    };
    await recommendationsFor('p1', { source, breaker: new CircuitBreaker(), timeoutMs: 250, limit: 3 });
    expect(seen).toEqual([{ limit: 3, timeoutMs: 250 }]);
  });
});
