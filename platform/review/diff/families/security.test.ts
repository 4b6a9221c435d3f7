import { describe, expect, it } from 'vitest';
import { changesOf } from '../test-kit.ts';

type Json = Record<string, unknown>;
const schemes = {
  bearer: { type: 'http', scheme: 'bearer' },
  key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
};
const contract = (security: unknown, root?: unknown, securitySchemes: Json = schemes): Json => ({
  openapi: '3.1.0',
  info: { title: 'T', version: '1.0.0' },
  ...(root !== undefined && { security: root }),
  paths: {
    '/things': {
      post: {
        operationId: 'makeThing',
        ...(security !== undefined && { security }),
        responses: { '204': { description: 'ok' } },
      },
    },
  },
  components: { securitySchemes },
});

describe('security rules', () => {
  it.each<[string, { given: { base: Json; head: Json }; want: string[] }]>([
    [
      'security on a public operation refuses anonymous clients',
      {
        given: { base: contract(undefined), head: contract([{ bearer: [] }]) },
        want: ['security-requirement-added:breaking'],
      },
    ],
    [
      'root-level security applies to operations without their own',
      {
        given: { base: contract(undefined), head: contract(undefined, [{ key: [] }]) },
        want: ['security-requirement-added:breaking'],
      },
    ],
    [
      'a new scope refuses tokens without it',
      {
        given: {
          base: contract([{ bearer: ['things:write'] }]),
          head: contract([{ bearer: ['things:write', 'things:admin'] }]),
        },
        want: ['security-scope-added:breaking'],
      },
    ],
    [
      'another way to authenticate is an addition',
      {
        given: { base: contract([{ bearer: [] }]), head: contract([{ bearer: [] }, { key: [] }]) },
        want: ['security-requirement-relaxed:info'],
      },
    ],
    [
      'fewer scopes accept more tokens',
      {
        given: { base: contract([{ bearer: ['a', 'b'] }]), head: contract([{ bearer: ['a'] }]) },
        want: ['security-requirement-relaxed:info'],
      },
    ],
    [
      'explicitly public stays public',
      {
        given: { base: contract([]), head: contract(undefined) },
        want: [],
      },
    ],
    [
      'an API key moved to another header is breaking',
      {
        given: {
          base: contract([{ key: [] }]),
          head: contract([{ key: [] }], undefined, {
            ...schemes,
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
          }),
        },
        want: ['security-scheme-changed:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(changesOf(given.base, given.head)).toEqual(want);
  });
});
