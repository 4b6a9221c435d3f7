import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

describe('numeric range rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a lower request maximum refuses requests',
      {
        given: {
          base: { type: 'integer', maximum: 99 },
          head: { type: 'integer', maximum: 50 },
          direction: 'request',
        },
        want: ['request-body-maximum-decreased:breaking'],
      },
    ],
    [
      'a higher request minimum refuses requests',
      {
        given: {
          base: { type: 'integer', minimum: 0 },
          head: { type: 'integer', minimum: 1 },
          direction: 'request',
        },
        want: ['request-body-minimum-increased:breaking'],
      },
    ],
    [
      'a new exclusive bound on a request is breaking',
      {
        given: {
          base: { type: 'number' },
          head: { type: 'number', exclusiveMinimum: 0 },
          direction: 'request',
        },
        want: ['request-body-minimum-added:breaking'],
      },
    ],
    [
      'minimum 10 becoming exclusive narrows by one value',
      {
        given: {
          base: { type: 'number', minimum: 10 },
          head: { type: 'number', exclusiveMinimum: 10 },
          direction: 'request',
        },
        want: ['request-body-minimum-increased:breaking'],
      },
    ],
    [
      'a higher response maximum is breaking',
      {
        given: {
          base: { type: 'integer', maximum: 10 },
          head: { type: 'integer', maximum: 20 },
          direction: 'response',
        },
        want: ['response-body-maximum-increased:breaking'],
      },
    ],
    [
      'a removed response bound is breaking',
      {
        given: { base: { type: 'integer', minimum: 0 }, head: { type: 'integer' }, direction: 'response' },
        want: ['response-body-minimum-removed:breaking'],
      },
    ],
    [
      '3.0 boolean exclusiveMinimum and 3.1 numeric mean the same',
      {
        given: {
          base: { type: 'number', minimum: 0, exclusiveMinimum: true },
          head: { type: 'number', exclusiveMinimum: 0 },
          direction: 'request',
        },
        want: [],
      },
    ],
    [
      'a stricter multipleOf refuses requests',
      {
        given: {
          base: { type: 'integer', multipleOf: 2 },
          head: { type: 'integer', multipleOf: 4 },
          direction: 'request',
        },
        want: ['request-body-multiple-of-stricter:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
