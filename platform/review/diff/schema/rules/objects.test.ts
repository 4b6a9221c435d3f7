import { describe, expect, it } from 'vitest';
import { diffContracts } from '../../diff-contracts.ts';
import { ContractDocument } from '../../document/contract-document.ts';
import { contractWith, type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});
const str = { type: 'string' };

describe('object rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a new required request property refuses old requests',
      {
        given: {
          base: obj({ a: str }),
          head: obj({ a: str, b: str }, { required: ['b'] }),
          direction: 'request',
        },
        want: ['request-body-new-required-property:breaking'],
      },
    ],
    [
      'a new optional request property is an addition',
      {
        given: { base: obj({ a: str }), head: obj({ a: str, b: str }), direction: 'request' },
        want: ['request-body-property-added:info'],
      },
    ],
    [
      'a removed response property is breaking',
      {
        given: { base: obj({ a: str, b: str }), head: obj({ a: str }), direction: 'response' },
        want: ['response-body-property-removed:breaking'],
      },
    ],
    [
      'a removed request property is ignored by the server: a warning',
      {
        given: { base: obj({ a: str, b: str }), head: obj({ a: str }), direction: 'request' },
        want: ['request-body-property-removed:warning'],
      },
    ],
    [
      'a removed request property of a closed schema refuses requests',
      {
        given: {
          base: obj({ a: str, b: str }, { additionalProperties: false }),
          head: obj({ a: str }, { additionalProperties: false }),
          direction: 'request',
        },
        want: ['request-body-property-no-longer-accepted:breaking'],
      },
    ],
    [
      'a request property that became required is breaking',
      {
        given: { base: obj({ a: str }), head: obj({ a: str }, { required: ['a'] }), direction: 'request' },
        want: ['request-body-property-became-required:breaking'],
      },
    ],
    [
      'a response property that became optional is breaking',
      {
        given: { base: obj({ a: str }, { required: ['a'] }), head: obj({ a: str }), direction: 'response' },
        want: ['response-body-property-became-optional:breaking'],
      },
    ],
    [
      'a new response property is an addition',
      {
        given: { base: obj({ a: str }), head: obj({ a: str, b: str }), direction: 'response' },
        want: ['response-body-property-added:info'],
      },
    ],
    [
      'readOnly properties are not sent, so a request ignores them',
      {
        given: {
          base: obj({ id: { type: 'string', readOnly: true }, a: str }),
          head: obj({ a: str }),
          direction: 'request',
        },
        want: [],
      },
    ],
    [
      'changes inside a property are found through $ref',
      {
        given: {
          base: obj({ money: { $ref: '#/components/schemas/Money' } }),
          head: obj({ money: { $ref: '#/components/schemas/Money' } }),
          direction: 'request',
          components: { schemas: { Money: obj({ amount: { type: 'integer', maximum: 10 } }) } },
        },
        want: [],
      },
    ],
    [
      'additionalProperties: false on a request refuses extra properties',
      {
        given: {
          base: obj({ a: str }),
          head: obj({ a: str }, { additionalProperties: false }),
          direction: 'request',
        },
        want: ['request-body-additional-properties-forbidden:breaking'],
      },
    ],
    [
      'a map whose values got a type narrows requests',
      {
        given: {
          base: { type: 'object' },
          head: { type: 'object', additionalProperties: { type: 'string' } },
          direction: 'request',
        },
        want: ['request-body-type-narrowed:breaking'],
      },
    ],
    [
      'unevaluatedProperties no longer false widens a response',
      {
        given: {
          base: obj({ a: str }, { unevaluatedProperties: false }),
          head: obj({ a: str }),
          direction: 'response',
        },
        want: ['response-body-unevaluated-properties-allowed:breaking'],
      },
    ],
    [
      'a new dependentRequired narrows requests',
      {
        given: {
          base: obj({ a: str, b: str }),
          head: obj({ a: str, b: str }, { dependentRequired: { a: ['b'] } }),
          direction: 'request',
        },
        want: ['request-body-dependent-required-added:breaking'],
      },
    ],
    [
      'a removed patternProperties widens a response',
      {
        given: {
          base: { type: 'object', patternProperties: { '^x-': str } },
          head: { type: 'object' },
          direction: 'response',
        },
        want: ['response-body-pattern-property-removed:breaking'],
      },
    ],
    [
      'new propertyNames narrows requests',
      {
        given: {
          base: { type: 'object' },
          head: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
          direction: 'request',
        },
        want: ['request-body-property-names-added:breaking'],
      },
    ],
    [
      'a deprecated property is noted',
      {
        given: {
          base: obj({ a: str }),
          head: obj({ a: { type: 'string', deprecated: true } }),
          direction: 'response',
        },
        want: ['response-body-property-deprecated:info'],
      },
    ],
    [
      'a deprecated property removed after its sunset is fine',
      {
        given: {
          base: obj({ a: str, b: { type: 'string', deprecated: true, 'x-sunset': '2025-01-01' } }),
          head: obj({ a: str }),
          direction: 'response',
        },
        want: ['response-body-property-removed-after-deprecation:info'],
      },
    ],
    [
      'a deprecated property removed before its sunset is breaking',
      {
        given: {
          base: obj({ a: str, b: { type: 'string', deprecated: true, 'x-sunset': '2099-01-01' } }),
          head: obj({ a: str }),
          direction: 'response',
        },
        want: ['response-body-property-removed-before-sunset:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });

  it('follows $ref into shared components and points at the component', () => {
    const line = (max: number) => ({
      components: { schemas: { Line: obj({ qty: { type: 'integer', maximum: max } }) } },
    });
    const body = { type: 'array', items: { $ref: '#/components/schemas/Line' } };
    const [change] = diffContracts(
      new ContractDocument(contractWith(body, 'request', line(99)), 'base'),
      new ContractDocument(contractWith(body, 'request', line(50)), 'head'),
    );
    expect(change).toMatchObject({
      id: 'request-body-maximum-decreased',
      level: 'breaking',
      operation: 'POST /things',
      pointer: '/components/schemas/Line/properties/qty/maximum',
      message: 'request body (application/json) `[].qty`: maximum <= 99 became <= 50',
    });
  });
});
