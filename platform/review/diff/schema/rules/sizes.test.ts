import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

describe('length and count rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a shorter request maxLength refuses requests',
      {
        given: {
          base: { type: 'string', maxLength: 10 },
          head: { type: 'string', maxLength: 5 },
          direction: 'request',
        },
        want: ['request-body-max-length-decreased:breaking'],
      },
    ],
    [
      'a longer request minLength refuses requests',
      {
        given: {
          base: { type: 'string', minLength: 1 },
          head: { type: 'string', minLength: 3 },
          direction: 'request',
        },
        want: ['request-body-min-length-increased:breaking'],
      },
    ],
    [
      'a new request maxItems is breaking',
      {
        given: { base: { type: 'array' }, head: { type: 'array', maxItems: 50 }, direction: 'request' },
        want: ['request-body-max-items-added:breaking'],
      },
    ],
    [
      'a removed response maxLength is breaking',
      {
        given: { base: { type: 'string', maxLength: 10 }, head: { type: 'string' }, direction: 'response' },
        want: ['response-body-max-length-removed:breaking'],
      },
    ],
    [
      'minLength 0 written out is no change',
      {
        given: { base: { type: 'string' }, head: { type: 'string', minLength: 0 }, direction: 'request' },
        want: [],
      },
    ],
    [
      'a lower response minContains is breaking',
      {
        given: {
          base: { type: 'array', contains: { type: 'string' }, minContains: 2 },
          head: { type: 'array', contains: { type: 'string' }, minContains: 1 },
          direction: 'response',
        },
        want: ['response-body-min-contains-decreased:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
