import { describe, expect, it } from 'vitest';
import { boundedRegExp, PATTERN_INPUT_LIMIT } from './bounded-regexp.ts';

describe('boundedRegExp', () => {
  it.each([
    ['^[a-z]+$', 'abc', true],
    ['^[a-z]+$', 'abc1', false],
    ['^\\p{Lu}', 'Ägypten', true],
  ])('%s tests %j as %s', (pattern, input, want) =>
    expect(boundedRegExp(pattern, 'u').test(input)).toBe(want),
  );

  it('refuses input longer than the bound without running the pattern', () => {
    // Run on this input, the pattern would backtrack for longer than the test's timeout.
    const evil = boundedRegExp('^(a+)+$', 'u');
    expect(evil.test(`${'a'.repeat(PATTERN_INPUT_LIMIT)}!`)).toBe(false);
    expect(boundedRegExp('^a*$', 'u').test('a'.repeat(PATTERN_INPUT_LIMIT + 1))).toBe(false);
    expect(boundedRegExp('^a*$', 'u').test('a'.repeat(PATTERN_INPUT_LIMIT))).toBe(true);
  });

  it('names each pattern differently, since ajv caches compiled patterns by that name', () => {
    expect(String(boundedRegExp('^a$', 'u'))).not.toBe(String(boundedRegExp('^b$', 'u')));
  });
});
