import { describe, expect, it } from 'vitest';
import { type Candidate, type Recommendation, rank, relativeStrengths, score } from './scoring.ts';

describe('score', () => {
  it.each<[string, { given: Candidate; want: number }]>([
    [
      'bought together counts fully',
      { given: { productId: 'a', reason: 'bought-together', strength: 0.5 }, want: 0.5 },
    ],
    ['similar counts 0.9', { given: { productId: 'a', reason: 'similar', strength: 0.81 }, want: 0.729 }],
    ['trending counts half', { given: { productId: 'a', reason: 'trending', strength: 0.9 }, want: 0.45 }],
    [
      'rounds to three places',
      { given: { productId: 'a', reason: 'bought-together', strength: 0.4375 }, want: 0.438 },
    ],
    [
      'clamps strengths above 1',
      { given: { productId: 'a', reason: 'bought-together', strength: 3 }, want: 1 },
    ],
    ['clamps strengths below 0', { given: { productId: 'a', reason: 'similar', strength: -1 }, want: 0 }],
  ])('%s', (_name, { given, want }) => {
    expect(score(given)).toBe(want);
  });
});

describe('rank', () => {
  const c = (productId: string, reason: Candidate['reason'], strength: number): Candidate => ({
    productId,
    reason,
    strength,
  });

  it.each<
    [
      string,
      { given: { candidates: Candidate[]; exclude?: string[]; limit: number }; want: Recommendation[] },
    ]
  >([
    [
      'best first',
      {
        given: { candidates: [c('a', 'trending', 0.2), c('b', 'bought-together', 0.9)], limit: 5 },
        want: [
          { productId: 'b', score: 0.9, reason: 'bought-together' },
          { productId: 'a', score: 0.1, reason: 'trending' },
        ],
      },
    ],
    [
      'a product keeps its best reason',
      {
        given: {
          candidates: [c('a', 'bought-together', 0.3), c('a', 'similar', 0.8), c('a', 'trending', 0.9)],
          limit: 5,
        },
        want: [{ productId: 'a', score: 0.72, reason: 'similar' }],
      },
    ],
    [
      'on equal scores the weightier reason wins',
      {
        given: { candidates: [c('a', 'trending', 0.9), c('a', 'similar', 0.5)], limit: 5 },
        want: [{ productId: 'a', score: 0.45, reason: 'similar' }],
      },
    ],
    [
      'equal scores are ordered by product id',
      {
        given: { candidates: [c('b', 'similar', 0.5), c('a', 'similar', 0.5)], limit: 5 },
        want: [
          { productId: 'a', score: 0.45, reason: 'similar' },
          { productId: 'b', score: 0.45, reason: 'similar' },
        ],
      },
    ],
    [
      'excluded products never appear',
      {
        given: {
          candidates: [c('a', 'bought-together', 1), c('b', 'similar', 0.1)],
          exclude: ['a'],
          limit: 5,
        },
        want: [{ productId: 'b', score: 0.09, reason: 'similar' }],
      },
    ],
    [
      'at most limit items',
      {
        given: {
          candidates: [c('a', 'trending', 1), c('b', 'trending', 0.8), c('c', 'trending', 0.6)],
          limit: 2,
        },
        want: [
          { productId: 'a', score: 0.5, reason: 'trending' },
          { productId: 'b', score: 0.4, reason: 'trending' },
        ],
      },
    ],
    ['nothing to recommend', { given: { candidates: [], limit: 5 }, want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(rank(given.candidates, { exclude: given.exclude, limit: given.limit })).toEqual(want);
  });
});

describe('relativeStrengths', () => {
  it.each<
    [
      string,
      { given: { productId: string; count: number }[]; want: { productId: string; strength: number }[] },
    ]
  >([
    [
      'the most frequent pairing is 1',
      {
        given: [
          { productId: 'a', count: 48 },
          { productId: 'b', count: 12 },
        ],
        want: [
          { productId: 'a', strength: 1 },
          { productId: 'b', strength: 0.25 },
        ],
      },
    ],
    [
      'zero counts stay zero',
      { given: [{ productId: 'a', count: 0 }], want: [{ productId: 'a', strength: 0 }] },
    ],
    ['no pairings', { given: [], want: [] }],
  ])('%s', (_name, { given, want }) => {
    expect(relativeStrengths(given)).toEqual(want);
  });
});
