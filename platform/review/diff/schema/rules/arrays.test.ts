import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

describe('array rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'items are compared element by element',
      {
        given: {
          base: { type: 'array', items: { type: 'string', maxLength: 10 } },
          head: { type: 'array', items: { type: 'string', maxLength: 5 } },
          direction: 'request',
        },
        want: ['request-body-max-length-decreased:breaking'],
      },
    ],
    [
      'items where there were none narrow a request',
      {
        given: {
          base: { type: 'array' },
          head: { type: 'array', items: { type: 'string' } },
          direction: 'request',
        },
        want: ['request-body-type-narrowed:breaking'],
      },
    ],
    [
      'prefixItems added pins positions',
      {
        given: {
          base: { type: 'array', items: { type: 'string' } },
          head: { type: 'array', prefixItems: [{ type: 'integer' }], items: { type: 'string' } },
          direction: 'request',
        },
        want: ['request-body-prefix-items-added:breaking'],
      },
    ],
    [
      'a tuple written as items: [...] is the same as prefixItems',
      {
        given: {
          base: { type: 'array', items: [{ type: 'integer' }] },
          head: { type: 'array', prefixItems: [{ type: 'integer' }] },
          direction: 'request',
        },
        want: [],
      },
    ],
    [
      'contains added narrows requests',
      {
        given: {
          base: { type: 'array' },
          head: { type: 'array', contains: { const: 'x' } },
          direction: 'request',
        },
        want: ['request-body-contains-added:breaking'],
      },
    ],
    [
      'uniqueItems removed widens a response',
      {
        given: { base: { type: 'array', uniqueItems: true }, head: { type: 'array' }, direction: 'response' },
        want: ['response-body-unique-items-removed:breaking'],
      },
    ],
    [
      'unevaluatedItems: false narrows requests',
      {
        given: {
          base: { type: 'array', prefixItems: [{ type: 'string' }] },
          head: { type: 'array', prefixItems: [{ type: 'string' }], unevaluatedItems: false },
          direction: 'request',
        },
        want: ['request-body-unevaluated-items-forbidden:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
