/**
 * The regular-expression engine generated validators use for `pattern`. JavaScript's engine
 * backtracks, so a hostile string can make a careless pattern run for minutes. Patterns are
 * therefore only tried on strings up to {@link PATTERN_INPUT_LIMIT} characters; a longer string
 * fails its pattern. Codegen also warns about patterns with nested quantifiers, the shape that
 * backtracks catastrophically even on short input.
 * @module
 */

/** Longest string a `pattern` is tried on (64 KiB of UTF-16). */
export const PATTERN_INPUT_LIMIT = 65_536;

interface PatternTester {
  test(input: string): boolean;
  /** ajv keys compiled patterns by this string: it must differ per pattern. */
  toString(): string;
}

/**
 * Same signature ajv expects of a `code.regExp` engine.
 * @example boundedRegExp('^[a-z]+$', 'u').test('abc') // true
 */
export function boundedRegExp(pattern: string, flags: string): PatternTester {
  const regexp = new RegExp(pattern, flags);
  return {
    test(input: string): boolean {
      if (input.length > PATTERN_INPUT_LIMIT) return false;
      regexp.lastIndex = 0;
      return regexp.test(input);
    },
    toString: () => regexp.toString(),
  };
}
