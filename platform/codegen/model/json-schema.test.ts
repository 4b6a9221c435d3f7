import { describe, expect, it } from 'vitest';
import { normaliseSchema, unicodeSafePattern } from './json-schema.ts';

const openapi30 = { openapi30: true };
const openapi31 = { openapi30: false };

describe('normaliseSchema', () => {
  it.each([
    [
      '3.0 nullable adds null to the type',
      openapi30,
      { type: 'string', nullable: true },
      { type: ['string', 'null'] },
    ],
    [
      '3.0 nullable enum admits null',
      openapi30,
      { type: 'string', enum: ['a'], nullable: true },
      { type: ['string', 'null'], enum: ['a', null] },
    ],
    [
      '3.0 nullable without a type wraps in anyOf',
      openapi30,
      { allOf: [{ $ref: '#/a' }], nullable: true },
      { anyOf: [{ allOf: [{ $ref: '#/a' }] }, { type: 'null' }] },
    ],
    [
      '3.0 nullable next to a $ref is honoured',
      openapi30,
      { $ref: '#/a', nullable: true },
      { anyOf: [{ $ref: '#/a' }, { type: 'null' }] },
    ],
    [
      '3.0 $ref siblings are ignored',
      openapi30,
      { $ref: '#/a', description: 'x', maxLength: 3 },
      { $ref: '#/a' },
    ],
    ['3.1 $ref siblings are kept', openapi31, { $ref: '#/a', maxLength: 3 }, { $ref: '#/a', maxLength: 3 }],
    [
      '3.0 boolean exclusiveMinimum becomes a number',
      openapi30,
      { type: 'number', minimum: 0, exclusiveMinimum: true },
      { type: 'number', exclusiveMinimum: 0 },
    ],
    [
      '3.0 exclusiveMaximum false is dropped',
      openapi30,
      { type: 'number', maximum: 9, exclusiveMaximum: false },
      { type: 'number', maximum: 9 },
    ],
    [
      '3.1 numeric exclusiveMinimum is kept',
      openapi31,
      { type: 'number', exclusiveMinimum: 0 },
      { type: 'number', exclusiveMinimum: 0 },
    ],
    [
      'annotations ajv does not know are dropped',
      openapi31,
      {
        type: 'object',
        discriminator: { propertyName: 'k' },
        xml: {},
        example: 1,
        'x-go': 1,
        externalDocs: {},
      },
      { type: 'object' },
    ],
    [
      '$id and $schema are dropped so references keep resolving',
      openapi31,
      { $id: 'x', $schema: 'y', type: 'string' },
      { type: 'string' },
    ],
    [
      'nested schemas are normalised',
      openapi30,
      { properties: { a: { type: 'integer', nullable: true } }, items: { nullable: true, type: 'string' } },
      { properties: { a: { type: ['integer', 'null'] } }, items: { type: ['string', 'null'] } },
    ],
    [
      'tuple items become prefixItems',
      openapi31,
      { items: [{ type: 'string' }] },
      { prefixItems: [{ type: 'string' }] },
    ],
    ['unknown types are dropped', openapi30, { type: 'file' }, {}],
    ['an empty enum admits nothing', openapi31, { type: 'string', enum: [] }, { type: 'string', not: {} }],
    ['duplicate required names are merged', openapi31, { required: ['a', 'a'] }, { required: ['a'] }],
  ])('%s', (_name, options, given, want) => {
    expect(normaliseSchema(given, options)).toEqual(want);
  });
});

describe('unicodeSafePattern', () => {
  it.each([
    ['a valid pattern is unchanged', '^[a-z]+$', '^[a-z]+$'],
    ['a needless escape is dropped', '^[a-zA-Z0-9_\\-\\:]+$', '^[a-zA-Z0-9_\\-:]+$'],
    ['a needless escape outside a class is dropped', '^a\\-b$', '^a-b$'],
    ['needed escapes stay', '^\\d+\\.\\d+\\:$', '^\\d+\\.\\d+:$'],
  ])('%s', (_name, given, want) => {
    expect(unicodeSafePattern(given)).toBe(want);
    expect(() => new RegExp(want, 'u')).not.toThrow();
  });
});
