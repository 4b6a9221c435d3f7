import { describe, expect, it } from 'vitest';
import { findPatterns, hasNestedQuantifier } from './backtracking.ts';

describe('hasNestedQuantifier', () => {
  it.each([
    ['^(a+)+$', true],
    ['^(\\w*,?)*$', true],
    ['^([a-z]{1,3})*$', true],
    ['^[A-Z0-9-]{3,32}$', false],
    ['^tok_[A-Za-z0-9]{8,64}$', false],
    ['^(ab)+$', false],
    ['^\\(a+\\)+$', false],
  ])('%s → %s', (pattern, want) => expect(hasNestedQuantifier(pattern)).toBe(want));
});

describe('findPatterns', () => {
  it('lists every pattern with its pointer', () => {
    expect(findPatterns({ a: { pattern: 'x' }, b: [{ properties: { 'c/d': { pattern: 'y' } } }] })).toEqual([
      { pointer: '/a/pattern', pattern: 'x' },
      { pointer: '/b/0/properties/c~1d/pattern', pattern: 'y' },
    ]);
  });
});
