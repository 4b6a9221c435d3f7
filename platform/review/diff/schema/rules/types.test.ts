import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

describe('type rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a narrower request type refuses what was accepted',
      {
        given: { base: { type: ['string', 'number'] }, head: { type: 'string' }, direction: 'request' },
        want: ['request-body-type-narrowed:breaking'],
      },
    ],
    [
      'integer → number in a request accepts more',
      {
        given: { base: { type: 'integer' }, head: { type: 'number' }, direction: 'request' },
        want: ['request-body-type-widened:info'],
      },
    ],
    [
      'integer → number in a response may send what clients cannot read',
      {
        given: { base: { type: 'integer' }, head: { type: 'number' }, direction: 'response' },
        want: ['response-body-type-widened:breaking'],
      },
    ],
    [
      'a narrower response type is safe',
      {
        given: { base: { type: 'number' }, head: { type: 'integer' }, direction: 'response' },
        want: ['response-body-type-narrowed:info'],
      },
    ],
    [
      'string → integer changes both ways',
      {
        given: { base: { type: 'string' }, head: { type: 'integer' }, direction: 'request' },
        want: ['request-body-type-changed:breaking'],
      },
    ],
    [
      'a response that became nullable is breaking',
      {
        given: { base: { type: 'string' }, head: { type: ['string', 'null'] }, direction: 'response' },
        want: ['response-body-became-nullable:breaking'],
      },
    ],
    [
      'a request that no longer takes null is breaking',
      {
        given: { base: { type: ['string', 'null'] }, head: { type: 'string' }, direction: 'request' },
        want: ['request-body-became-not-nullable:breaking'],
      },
    ],
    [
      '3.0 nullable reads like a null type',
      {
        given: { base: { type: 'string', nullable: true }, head: { type: 'string' }, direction: 'response' },
        want: ['response-body-became-not-nullable:info'],
      },
    ],
    [
      'a type where there was none narrows',
      {
        given: { base: {}, head: { type: 'object' }, direction: 'request' },
        want: ['request-body-type-narrowed:breaking'],
      },
    ],
    [
      'the same types in another order are no change',
      {
        given: {
          base: { type: ['null', 'string'] },
          head: { type: ['string', 'null'] },
          direction: 'request',
        },
        want: [],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
