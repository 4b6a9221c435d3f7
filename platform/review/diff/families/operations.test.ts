import { describe, expect, it } from 'vitest';
import { changesOf } from '../test-kit.ts';

type Json = Record<string, unknown>;
const ok = { '200': { description: 'ok' } };
const contract = (paths: Json, extra: Json = {}): Json => ({
  openapi: '3.1.0',
  info: { title: 'T', version: '1.0.0' },
  paths,
  ...extra,
});
const get = (extra: Json = {}) => ({ get: { operationId: 'getThing', responses: ok, ...extra } });

describe('operation rules', () => {
  it.each<
    [
      string,
      {
        given: { base: Json; head: Json; deprecation?: { betaDays: number; stableDays: number } };
        want: string[];
      },
    ]
  >([
    [
      'a removed operation is breaking',
      {
        given: { base: contract({ '/things': get() }), head: contract({}) },
        want: ['operation-removed:breaking'],
      },
    ],
    [
      'a new operation is an addition',
      {
        given: { base: contract({}), head: contract({ '/things': get() }) },
        want: ['operation-added:info'],
      },
    ],
    [
      'renaming a path parameter is no change',
      {
        given: { base: contract({ '/things/{id}': get() }), head: contract({ '/things/{thingId}': get() }) },
        want: [],
      },
    ],
    [
      'deprecating is noted',
      {
        given: {
          base: contract({ '/things': get() }),
          head: contract({ '/things': get({ deprecated: true, 'x-sunset': '2027-01-01' }) }),
        },
        want: ['operation-deprecated:info'],
      },
    ],
    [
      'removing a deprecated operation without sunset is fine: the deprecation was the notice',
      {
        given: { base: contract({ '/things': get({ deprecated: true }) }), head: contract({}) },
        want: ['operation-removed-after-deprecation:info'],
      },
    ],
    [
      'removing an operation before its sunset breaks the promise',
      {
        given: {
          base: contract({ '/things': get({ deprecated: true, 'x-sunset': '2099-01-01' }) }),
          head: contract({}),
        },
        want: ['operation-removed-before-sunset:breaking'],
      },
    ],
    [
      'moving a sunset earlier is breaking',
      {
        given: {
          base: contract({ '/things': get({ deprecated: true, 'x-sunset': '2099-01-01' }) }),
          head: contract({ '/things': get({ deprecated: true, 'x-sunset': '2027-01-01' }) }),
        },
        want: ['operation-sunset-moved-earlier:breaking'],
      },
    ],
    [
      'deleting a sunset withdraws the promise',
      {
        given: {
          base: contract({ '/things': get({ deprecated: true, 'x-sunset': '2099-01-01' }) }),
          head: contract({ '/things': get({ deprecated: true }) }),
        },
        want: ['operation-sunset-removed:breaking'],
      },
    ],
    [
      'an unreadable sunset fails closed',
      {
        given: {
          base: contract({ '/things': get() }),
          head: contract({ '/things': get({ deprecated: true, 'x-sunset': 'soon' }) }),
        },
        want: ['operation-sunset-unreadable:breaking'],
      },
    ],
    [
      'the notice policy asks for a sunset far enough away',
      {
        given: {
          base: contract({ '/things': get() }),
          head: contract({ '/things': get({ deprecated: true }) }),
          deprecation: { betaDays: 30, stableDays: 100 },
        },
        want: ['operation-sunset-missing:breaking'],
      },
    ],
    [
      'lowering stability is breaking',
      {
        given: {
          base: contract({ '/things': get({ 'x-stability-level': 'beta' }) }),
          head: contract({ '/things': get({ 'x-stability-level': 'alpha' }) }),
        },
        want: ['operation-stability-decreased:breaking'],
      },
    ],
    [
      'breaking changes to an alpha operation are warnings',
      {
        given: { base: contract({ '/things': get({ 'x-stability-level': 'alpha' }) }), head: contract({}) },
        want: ['operation-removed:warning'],
      },
    ],
    [
      'a renamed operationId changes SDK method names',
      {
        given: {
          base: contract({ '/things': get() }),
          head: contract({ '/things': get({ operationId: 'fetchThing' }) }),
        },
        want: ['operation-id-changed:warning'],
      },
    ],
    [
      'a removed webhook is breaking',
      {
        given: {
          base: contract({}, { webhooks: { thingMade: { post: { responses: ok } } } }),
          head: contract({}),
        },
        want: ['webhook-removed:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(changesOf(given.base, given.head, { deprecation: given.deprecation })).toEqual(want);
  });
});
