import { describe, expect, it } from 'vitest';
import { changesOf, contractWith, type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const components = {
  schemas: {
    Card: { type: 'object', required: ['number'], properties: { number: { type: 'string' } } },
    Invoice: { type: 'object', required: ['po'], properties: { po: { type: 'string' } } },
    Voucher: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
    Named: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
  },
};

describe('union and allOf rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a new variant in a response may not parse',
      {
        given: {
          base: { oneOf: [ref('Card'), ref('Invoice')] },
          head: { oneOf: [ref('Card'), ref('Invoice'), ref('Voucher')] },
          direction: 'response',
          components,
        },
        want: ['response-body-one-of-variant-added:breaking'],
      },
    ],
    [
      'a new variant in a request accepts more',
      {
        given: {
          base: { anyOf: [ref('Card')] },
          head: { anyOf: [ref('Card'), ref('Voucher')] },
          direction: 'request',
          components,
        },
        want: ['request-body-any-of-variant-added:info'],
      },
    ],
    [
      'a removed request variant refuses requests',
      {
        given: {
          base: { oneOf: [ref('Card'), ref('Invoice')] },
          head: { oneOf: [ref('Card')] },
          direction: 'request',
          components,
        },
        want: ['request-body-one-of-variant-removed:breaking'],
      },
    ],
    [
      'variants are compared inside',
      {
        given: {
          base: { oneOf: [ref('Card'), { type: 'string', maxLength: 10 }] },
          head: { oneOf: [ref('Card'), { type: 'string', maxLength: 5 }] },
          direction: 'request',
          components,
        },
        want: ['request-body-max-length-decreased:breaking'],
      },
    ],
    [
      'a null variant is nullability, not a variant',
      {
        given: {
          base: { anyOf: [ref('Card')] },
          head: { anyOf: [ref('Card'), { type: 'null' }] },
          direction: 'response',
          components,
        },
        want: ['response-body-became-nullable:breaking'],
      },
    ],
    [
      'a plain schema that became a union of itself and more widens',
      {
        given: {
          base: { type: 'string' },
          head: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
          direction: 'request',
        },
        want: ['request-body-any-of-variant-added:info'],
      },
    ],
    [
      'moving properties into an allOf base schema is no change',
      {
        given: {
          base: {
            type: 'object',
            required: ['name', 'age'],
            properties: { name: { type: 'string' }, age: { type: 'integer' } },
          },
          head: {
            allOf: [
              ref('Named'),
              { type: 'object', required: ['age'], properties: { age: { type: 'integer' } } },
            ],
          },
          direction: 'response',
          components,
        },
        want: [],
      },
    ],
    [
      'a property lost with an allOf branch is reported as that property',
      {
        given: {
          base: { allOf: [ref('Named'), { type: 'object', properties: { age: { type: 'integer' } } }] },
          head: { allOf: [ref('Named')] },
          direction: 'response',
          components,
        },
        want: ['response-body-property-removed:breaking'],
      },
    ],
    [
      'oneOf → anyOf accepts values that match two variants',
      {
        given: {
          base: { oneOf: [ref('Card'), ref('Invoice')] },
          head: { anyOf: [ref('Card'), ref('Invoice')] },
          direction: 'request',
          components,
        },
        want: ['request-body-one-of-became-any-of:info'],
      },
    ],
    [
      'a discriminator change is a note: the union decides what is valid',
      {
        given: {
          base: { oneOf: [ref('Card'), ref('Invoice')], discriminator: { propertyName: 'method' } },
          head: { oneOf: [ref('Card'), ref('Invoice')], discriminator: { propertyName: 'kind' } },
          direction: 'response',
          components,
        },
        want: ['response-body-discriminator-changed:info'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });

  it('ends on recursive schemas and reports a change once', () => {
    const node = (withName: boolean) => ({
      type: 'object',
      properties: {
        children: { type: 'array', items: ref('Node') },
        ...(withName && { name: { type: 'string' } }),
      },
    });
    const base = contractWith(ref('Node'), 'response', { components: { schemas: { Node: node(true) } } });
    const head = contractWith(ref('Node'), 'response', { components: { schemas: { Node: node(false) } } });
    expect(changesOf(base, head)).toEqual(['response-body-property-removed:breaking']);
  });
});
