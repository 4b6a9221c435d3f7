import { describe, expect, it } from 'vitest';
import type { CompiledOperation } from './operation.ts';
import { RequestValidationError } from './problem.ts';
import { MAX_JSON_DEPTH, readBody } from './read-body.ts';

const operation = {
  body: { required: true, media: [{ type: 'application/json', kind: 'json' }] },
} as unknown as CompiledOperation;

const read = (text: string) => readBody(operation, text, 'application/json', 10 * 1024 * 1024);

describe('readBody: JSON nesting limit', () => {
  it.each([
    ['at the limit', MAX_JSON_DEPTH, true],
    ['one past the limit', MAX_JSON_DEPTH + 1, false],
    ['20,000 levels', 20_000, false],
  ])('arrays nested %s', (_name, depth, accepted) => {
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    if (accepted) expect(() => read(text)).not.toThrow();
    else expect(() => read(text)).toThrow(RequestValidationError);
  });

  it('does not count brackets inside strings', () => {
    const text = JSON.stringify({ text: '['.repeat(MAX_JSON_DEPTH * 3) });
    expect(read(text).value).toEqual({ text: '['.repeat(MAX_JSON_DEPTH * 3) });
  });

  it('handles escaped quotes inside strings', () => {
    const text = JSON.stringify({ a: `\\"${'{'.repeat(MAX_JSON_DEPTH * 2)}` });
    expect(() => read(text)).not.toThrow();
  });
});
