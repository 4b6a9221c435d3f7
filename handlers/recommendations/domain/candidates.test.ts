import { describe, expect, it } from 'vitest';
import type { ProductSignals, UserHistory, WeightedProduct } from '../repository.ts';
import { historySeeds, productCandidates, trendingCandidates } from './candidates.ts';
import type { Candidate } from './scoring.ts';

describe('productCandidates', () => {
  const signals: ProductSignals = {
    similar: [{ productId: 's', weight: 0.8 }],
    boughtTogether: [
      { productId: 'x', count: 10 },
      { productId: 'y', count: 5 },
    ],
  };

  it.each<[string, { given: number; want: Candidate[] }]>([
    [
      'on the product’s own page',
      {
        given: 1,
        want: [
          { productId: 'x', reason: 'bought-together', strength: 1 },
          { productId: 'y', reason: 'bought-together', strength: 0.5 },
          { productId: 's', reason: 'similar', strength: 0.8 },
        ],
      },
    ],
    [
      'scaled by how much the product matters to a shopper',
      {
        given: 0.5,
        want: [
          { productId: 'x', reason: 'bought-together', strength: 0.5 },
          { productId: 'y', reason: 'bought-together', strength: 0.25 },
          { productId: 's', reason: 'similar', strength: 0.4 },
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(productCandidates(signals, given)).toEqual(want);
  });
});

describe('trendingCandidates', () => {
  it('turns trending weights into strengths', () => {
    const trending: WeightedProduct[] = [{ productId: 't', weight: 0.7 }];
    expect(trendingCandidates(trending)).toEqual([{ productId: 't', reason: 'trending', strength: 0.7 }]);
  });
});

describe('historySeeds', () => {
  it.each<[string, { given: [UserHistory, string[]]; want: WeightedProduct[] }]>([
    [
      'purchases, this visit’s views and older views in decreasing weight',
      {
        given: [{ purchased: ['p'], viewed: ['v'] }, ['s']],
        want: [
          { productId: 'p', weight: 1 },
          { productId: 's', weight: 0.8 },
          { productId: 'v', weight: 0.6 },
        ],
      },
    ],
    [
      'a product seen several ways keeps its strongest weight',
      { given: [{ purchased: ['a'], viewed: ['a'] }, ['a']], want: [{ productId: 'a', weight: 1 }] },
    ],
    ['no history, no seeds', { given: [{ purchased: [], viewed: [] }, []], want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(historySeeds(...given)).toEqual(want);
  });
});
