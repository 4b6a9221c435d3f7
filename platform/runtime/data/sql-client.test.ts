import { describe, expect, it } from 'vitest';
import { isUniqueViolation, parseInt8 } from './sql-client.ts';

describe('parseInt8', () => {
  it.each<[string, { given: string; want: number | bigint }]>([
    ['a number when it fits', { given: '12900', want: 12900 }],
    ['a negative number', { given: '-42', want: -42 }],
    ['the largest safe integer', { given: '9007199254740991', want: 9007199254740991 }],
    ['a bigint beyond 2^53, never a rounded number', { given: '9007199254740993', want: 9007199254740993n }],
  ])('%s', (_name, { given, want }) => {
    expect(parseInt8(given)).toBe(want);
  });
});

describe('isUniqueViolation', () => {
  const violation = Object.assign(new Error('duplicate key'), {
    code: '23505',
    constraint: 'products_sku_key',
  });

  it.each<[string, { given: [unknown, string?]; want: boolean }]>([
    ['any unique violation', { given: [violation], want: true }],
    ['a violation of the named constraint', { given: [violation, 'products_sku_key'], want: true }],
    ['not a violation of another constraint', { given: [violation, 'products_pkey'], want: false }],
    ['not another error code', { given: [{ code: '23503', constraint: 'products_sku_key' }], want: false }],
    ['not a value that is no error', { given: [undefined], want: false }],
  ])('%s', (_name, { given, want }) => {
    expect(isUniqueViolation(...given)).toBe(want);
  });
});
