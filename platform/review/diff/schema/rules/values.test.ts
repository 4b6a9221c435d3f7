import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

describe('enum, const and default rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a removed request enum value refuses requests',
      {
        given: {
          base: { type: 'string', enum: ['a', 'b'] },
          head: { type: 'string', enum: ['a'] },
          direction: 'request',
        },
        want: ['request-body-enum-value-removed:breaking'],
      },
    ],
    [
      'an added request enum value accepts more',
      {
        given: {
          base: { type: 'string', enum: ['a'] },
          head: { type: 'string', enum: ['a', 'b'] },
          direction: 'request',
        },
        want: ['request-body-enum-value-added:info'],
      },
    ],
    [
      'a widened response enum is a warning',
      {
        given: {
          base: { type: 'string', enum: ['a'] },
          head: { type: 'string', enum: ['a', 'b'] },
          direction: 'response',
        },
        want: ['response-body-enum-value-added:warning'],
      },
    ],
    [
      'a request that became an enum is breaking',
      {
        given: { base: { type: 'integer' }, head: { type: 'integer', enum: [1, 2] }, direction: 'request' },
        want: ['request-body-became-enum:breaking'],
      },
    ],
    [
      'a response that is no longer an enum can send anything',
      {
        given: { base: { type: 'string', enum: ['a'] }, head: { type: 'string' }, direction: 'response' },
        want: ['response-body-enum-removed:breaking'],
      },
    ],
    [
      'a changed const breaks both ways',
      {
        given: { base: { const: 'typeA' }, head: { const: 'typeB' }, direction: 'response' },
        want: ['response-body-const-changed:breaking'],
      },
    ],
    [
      'a changed request default changes behaviour for clients that omit it',
      {
        given: {
          base: { type: 'integer', default: 20 },
          head: { type: 'integer', default: 50 },
          direction: 'request',
        },
        want: ['request-body-default-changed:warning'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
