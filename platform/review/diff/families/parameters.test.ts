import { describe, expect, it } from 'vitest';
import { changesOf } from '../test-kit.ts';

type Json = Record<string, unknown>;
const contract = (parameters: Json[], pathParameters: Json[] = []): Json => ({
  openapi: '3.1.0',
  info: { title: 'T', version: '1.0.0' },
  paths: {
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...pathParameters],
      get: { operationId: 'listThings', parameters, responses: { '200': { description: 'ok' } } },
    },
  },
});
const query = (name: string, extra: Json = {}) => ({
  name,
  in: 'query',
  schema: { type: 'string' },
  ...extra,
});

describe('parameter rules', () => {
  it.each<[string, { given: { base: Json; head: Json }; want: string[] }]>([
    [
      'a new required parameter refuses old requests',
      {
        given: { base: contract([]), head: contract([query('q', { required: true })]) },
        want: ['request-parameter-added-required:breaking'],
      },
    ],
    [
      'a new optional parameter is an addition',
      {
        given: { base: contract([]), head: contract([query('q')]) },
        want: ['request-parameter-added:info'],
      },
    ],
    [
      'a removed parameter is ignored by the server: a warning',
      {
        given: { base: contract([query('q')]), head: contract([]) },
        want: ['request-parameter-removed:warning'],
      },
    ],
    [
      'a parameter that became required is breaking',
      {
        given: { base: contract([query('q')]), head: contract([query('q', { required: true })]) },
        want: ['request-parameter-became-required:breaking'],
      },
    ],
    [
      'parameter schemas are compared as requests',
      {
        given: {
          base: contract([query('limit', { schema: { type: 'integer', maximum: 100 } })]),
          head: contract([query('limit', { schema: { type: 'integer', maximum: 50 } })]),
        },
        want: ['request-parameter-maximum-decreased:breaking'],
      },
    ],
    [
      'a path-level parameter counts for every operation',
      {
        given: { base: contract([]), head: contract([], [query('tenant', { required: true })]) },
        want: ['request-parameter-added-required:breaking'],
      },
    ],
    [
      'an operation parameter overriding a path-level one is the same parameter',
      {
        given: { base: contract([], [query('q')]), head: contract([query('q')]) },
        want: [],
      },
    ],
    [
      'header names are case-insensitive',
      {
        given: {
          base: contract([{ name: 'X-Trace', in: 'header', schema: { type: 'string' } }]),
          head: contract([{ name: 'x-trace', in: 'header', schema: { type: 'string' } }]),
        },
        want: [],
      },
    ],
    [
      'a list sent another way is breaking',
      {
        given: {
          base: contract([query('tags', { schema: { type: 'array', items: { type: 'string' } } })]),
          head: contract([
            query('tags', { explode: false, schema: { type: 'array', items: { type: 'string' } } }),
          ]),
        },
        want: ['request-parameter-style-changed:breaking'],
      },
    ],
    [
      'explode does not matter for a single query value',
      {
        given: { base: contract([query('q')]), head: contract([query('q', { explode: false })]) },
        want: [],
      },
    ],
    [
      'removing a deprecated parameter before its sunset is breaking',
      {
        given: {
          base: contract([query('q', { deprecated: true, 'x-sunset': '2099-01-01' })]),
          head: contract([]),
        },
        want: ['request-parameter-removed-before-sunset:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(changesOf(given.base, given.head)).toEqual(want);
  });
});
