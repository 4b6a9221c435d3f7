import { describe, expect, it } from 'vitest';
import { decodeParameters, type RawParameters } from './decode-parameters.ts';
import type { ParameterSpec } from './operation.ts';
import type { FieldError } from './problem.ts';

const none: RawParameters = { path: {}, query: {}, headers: {}, cookies: {} };

function spec(partial: Partial<ParameterSpec> & Pick<ParameterSpec, 'in'>): ParameterSpec {
  const style = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' }[partial.in];
  return { name: 'id', style, explode: style === 'form', shape: 'primitive', ...partial };
}

// Cases from OpenAPI 3.1 §4.8.12.4 "Style Examples": id = 5, [3, 4, 5], { role: admin, firstName: Alex }.
const cases: [string, { given: { spec: ParameterSpec; raw: Partial<RawParameters> }; want: unknown }][] = [
  ['path simple primitive', { given: { spec: spec({ in: 'path' }), raw: { path: { id: '5' } } }, want: '5' }],
  [
    'path simple array',
    {
      given: { spec: spec({ in: 'path', shape: 'array' }), raw: { path: { id: '3,4,5' } } },
      want: ['3', '4', '5'],
    },
  ],
  [
    'path simple object',
    {
      given: {
        spec: spec({ in: 'path', shape: 'object' }),
        raw: { path: { id: 'role,admin,firstName,Alex' } },
      },
      want: { role: 'admin', firstName: 'Alex' },
    },
  ],
  [
    'path simple object exploded',
    {
      given: {
        spec: spec({ in: 'path', shape: 'object', explode: true }),
        raw: { path: { id: 'role=admin,firstName=Alex' } },
      },
      want: { role: 'admin', firstName: 'Alex' },
    },
  ],
  [
    'path percent-decoded after splitting',
    {
      given: { spec: spec({ in: 'path', shape: 'array' }), raw: { path: { id: 'a%2Cb,c' } } },
      want: ['a,b', 'c'],
    },
  ],
  [
    'path label primitive',
    { given: { spec: spec({ in: 'path', style: 'label' }), raw: { path: { id: '.5' } } }, want: '5' },
  ],
  [
    'path label array',
    {
      given: { spec: spec({ in: 'path', style: 'label', shape: 'array' }), raw: { path: { id: '.3,4,5' } } },
      want: ['3', '4', '5'],
    },
  ],
  [
    'path label array exploded',
    {
      given: {
        spec: spec({ in: 'path', style: 'label', shape: 'array', explode: true }),
        raw: { path: { id: '.3.4.5' } },
      },
      want: ['3', '4', '5'],
    },
  ],
  [
    'path matrix primitive',
    { given: { spec: spec({ in: 'path', style: 'matrix' }), raw: { path: { id: ';id=5' } } }, want: '5' },
  ],
  [
    'path matrix array',
    {
      given: {
        spec: spec({ in: 'path', style: 'matrix', shape: 'array' }),
        raw: { path: { id: ';id=3,4,5' } },
      },
      want: ['3', '4', '5'],
    },
  ],
  [
    'path matrix array exploded',
    {
      given: {
        spec: spec({ in: 'path', style: 'matrix', shape: 'array', explode: true }),
        raw: { path: { id: ';id=3;id=4;id=5' } },
      },
      want: ['3', '4', '5'],
    },
  ],
  [
    'path matrix object exploded',
    {
      given: {
        spec: spec({ in: 'path', style: 'matrix', shape: 'object', explode: true }),
        raw: { path: { id: ';role=admin;firstName=Alex' } },
      },
      want: { role: 'admin', firstName: 'Alex' },
    },
  ],
  [
    'query form primitive',
    { given: { spec: spec({ in: 'query' }), raw: { query: { id: ['5'] } } }, want: '5' },
  ],
  [
    'query form array exploded',
    {
      given: { spec: spec({ in: 'query', shape: 'array' }), raw: { query: { id: ['3', '4', '5'] } } },
      want: ['3', '4', '5'],
    },
  ],
  [
    'query form array not exploded',
    {
      given: {
        spec: spec({ in: 'query', shape: 'array', explode: false }),
        raw: { query: { id: ['3,4,5'] } },
      },
      want: ['3', '4', '5'],
    },
  ],
  [
    'query spaceDelimited',
    {
      given: {
        spec: spec({ in: 'query', style: 'spaceDelimited', shape: 'array', explode: false }),
        raw: { query: { id: ['3 4 5'] } },
      },
      want: ['3', '4', '5'],
    },
  ],
  [
    'query pipeDelimited',
    {
      given: {
        spec: spec({ in: 'query', style: 'pipeDelimited', shape: 'array', explode: false }),
        raw: { query: { id: ['3|4|5'] } },
      },
      want: ['3', '4', '5'],
    },
  ],
  [
    'query form object exploded takes unclaimed keys',
    {
      given: {
        spec: spec({ in: 'query', shape: 'object' }),
        raw: { query: { role: ['admin'], firstName: ['Alex'] } },
      },
      want: { role: 'admin', firstName: 'Alex' },
    },
  ],
  [
    'query deepObject',
    {
      given: {
        spec: spec({ in: 'query', style: 'deepObject', shape: 'object', explode: true }),
        raw: { query: { 'id[role]': ['admin'], 'id[firstName]': ['Alex'] } },
      },
      want: { role: 'admin', firstName: 'Alex' },
    },
  ],
  [
    'query deepObject nested with arrays',
    {
      given: {
        spec: spec({ in: 'query', style: 'deepObject', shape: 'object', explode: true }),
        raw: { query: { 'id[a][b]': ['1'], 'id[tags][]': ['x', 'y'] } },
      },
      want: { a: { b: '1' }, tags: ['x', 'y'] },
    },
  ],
  [
    'query deepObject ignores prototype keys',
    {
      given: {
        spec: spec({ in: 'query', style: 'deepObject', shape: 'object', explode: true }),
        raw: { query: { 'id[__proto__][x]': ['1'], 'id[ok]': ['2'] } },
      },
      want: { ok: '2' },
    },
  ],
  [
    'query json content',
    {
      given: {
        spec: spec({ in: 'query', json: true, shape: 'object' }),
        raw: { query: { id: ['{"a":1}'] } },
      },
      want: { a: 1 },
    },
  ],
  [
    'header simple by case-insensitive name',
    {
      given: {
        spec: spec({ in: 'header', name: 'X-Ids', shape: 'array' }),
        raw: { headers: { 'x-ids': '1,2' } },
      },
      want: ['1', '2'],
    },
  ],
  [
    'cookie form primitive',
    {
      given: { spec: spec({ in: 'cookie', name: 'session' }), raw: { cookies: { session: 'abc' } } },
      want: 'abc',
    },
  ],
  ['absent parameter stays absent', { given: { spec: spec({ in: 'query' }), raw: {} }, want: undefined }],
];

describe('decodeParameters', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    const errors: FieldError[] = [];
    const decoded = decodeParameters([given.spec], { ...none, ...given.raw }, errors);
    expect(errors).toEqual([]);
    expect(decoded[given.spec.in][given.spec.name]).toEqual(want);
  });

  it.each([
    ['bad percent-encoding in a path value', spec({ in: 'path' }), { path: { id: '%E0%A4%A' } }],
    ['an odd number of object parts', spec({ in: 'path', shape: 'object' }), { path: { id: 'a,b,c' } }],
    ['a label value without its dot', spec({ in: 'path', style: 'label' }), { path: { id: '5' } }],
    ['JSON content that is not JSON', spec({ in: 'query', json: true }), { query: { id: ['{'] } }],
  ] as const)('reports %s as a field error, not a crash', (_name, given, raw) => {
    const errors: FieldError[] = [];
    decodeParameters([given], { ...none, ...raw }, errors);
    expect(errors).toEqual([expect.objectContaining({ in: given.in, name: given.name })]);
  });
});
