/**
 * Spots `pattern`s shaped for catastrophic backtracking: a quantified group that itself holds a
 * quantifier, such as `^(a+)+$` or `(\w*,?)*`. A length bound on input does not save those on
 * short strings, so codegen warns about them.
 * @module
 */

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;

/** @example hasNestedQuantifier('^(a+)+$') // true */
export function hasNestedQuantifier(pattern: string): boolean {
  return NESTED_QUANTIFIER.test(pattern);
}

/** Every pattern in a document with its JSON pointer. */
export function findPatterns(node: unknown, pointer = ''): { pointer: string; pattern: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => findPatterns(item, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found: { pointer: string; pattern: string }[] = [];
  for (const [key, value] of Object.entries(node)) {
    const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key === 'pattern' && typeof value === 'string') found.push({ pointer: child, pattern: value });
    else found.push(...findPatterns(value, child));
  }
  return found;
}
