import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

const cond = (then: unknown) => ({ type: 'object', if: { properties: { kind: { const: 'a' } } }, then });

describe('not and if/then/else rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a new `not` narrows requests',
      {
        given: {
          base: { type: 'string' },
          head: { type: 'string', not: { const: '' } },
          direction: 'request',
        },
        want: ['request-body-not-added:breaking'],
      },
    ],
    [
      'a removed `not` widens responses',
      {
        given: {
          base: { type: 'string', not: { const: '' } },
          head: { type: 'string' },
          direction: 'response',
        },
        want: ['response-body-not-removed:breaking'],
      },
    ],
    [
      'a new conditional narrows requests',
      {
        given: { base: { type: 'object' }, head: cond({ required: ['b'] }), direction: 'request' },
        want: ['request-body-if-added:breaking'],
      },
    ],
    [
      'a removed conditional is safe in a request',
      {
        given: { base: cond({ required: ['b'] }), head: { type: 'object' }, direction: 'request' },
        want: ['request-body-if-removed:info'],
      },
    ],
    [
      'changes inside `then` are compared',
      {
        given: {
          base: cond({ properties: { b: { maxLength: 9 } } }),
          head: cond({ properties: { b: { maxLength: 3 } } }),
          direction: 'request',
        },
        want: ['request-body-max-length-decreased:breaking'],
      },
    ],
    [
      'a changed `if` moves the line: breaking',
      {
        given: {
          base: cond({ required: ['b'] }),
          head: { ...cond({ required: ['b'] }), if: { properties: { kind: { const: 'b' } } } },
          direction: 'response',
        },
        want: ['response-body-if-changed:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
