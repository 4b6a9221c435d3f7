/**
 * The house ruleset and the platform rules, each shown failing on a small contract in a
 * temporary project that uses this repository's redocly.yaml.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lintContexts } from './lint-contracts.ts';

type Json = Record<string, unknown>;
let project: string;

const problem = {
  'application/problem+json': {
    schema: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' } } },
  },
};

/** A contract every rule accepts; each case breaks one thing. */
function goodContract(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shop',
      version: '1.0.0',
      description: 'Shop.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'https://api.shop.test' }],
    tags: [{ name: 'carts', description: 'Carts.' }],
    paths: {
      '/carts/{cartId}': {
        parameters: [
          { name: 'cartId', in: 'path', required: true, description: 'Cart.', schema: { type: 'string' } },
        ],
        get: {
          operationId: 'getCart',
          summary: 'Get a cart',
          description: 'Get.',
          tags: ['carts'],
          security: [],
          responses: { '200': { description: 'ok' }, '404': { description: 'no', content: problem } },
        },
        put: {
          operationId: 'putCart',
          summary: 'Replace a cart',
          description: 'Put.',
          tags: ['carts'],
          security: [{ bearer: ['carts:write'] }],
          requestBody: { content: { 'application/json': { schema: { type: 'object' }, example: {} } } },
          responses: { '204': { description: 'ok' }, '400': { description: 'bad', content: problem } },
        },
      },
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

async function ruleIds(contract: Json, handlers = ['get-cart.ts', 'put-cart.ts']): Promise<string[]> {
  mkdirSync(join(project, 'contracts/shop'), { recursive: true });
  mkdirSync(join(project, 'handlers/shop'), { recursive: true });
  writeFileSync(join(project, 'contracts/shop/openapi.yaml'), stringify(contract));
  for (const file of handlers) writeFileSync(join(project, 'handlers/shop', file), '');
  const run = await lintContexts(project, []);
  if (!run.ok) throw new Error(run.problems.join('\n'));
  return [...new Set(run.findings.map((f) => `${f.ruleId}:${f.severity}`))].sort();
}

const op = (c: Json, method: 'get' | 'put') => ((c.paths as Json)['/carts/{cartId}'] as Json)[method] as Json;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'charter-lint-'));
  copyFileSync(resolve('redocly.yaml'), join(project, 'redocly.yaml'));
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('charter lint rules', () => {
  it('accepts the reference contract', async () => {
    expect(await ruleIds(goodContract())).toEqual([]);
  });

  it.each<[string, { given: (c: Json) => void; handlers?: string[]; want: string[] }]>([
    [
      'operationId must be an identifier',
      {
        given: (c) => Object.assign(op(c, 'get'), { operationId: 'get-cart' }),
        handlers: ['get-cart.ts', 'put-cart.ts'],
        want: ['rule/operation-id-identifier:error'],
      },
    ],
    [
      'every operation has an operationId',
      { given: (c) => delete op(c, 'get').operationId, want: ['operation-operationId:error'] },
    ],
    [
      'paths are kebab-case',
      {
        given: (c) => {
          const paths = c.paths as Json;
          paths['/shoppingCarts/{cartId}'] = paths['/carts/{cartId}'];
          delete paths['/carts/{cartId}'];
        },
        want: ['paths-kebab-case:error'],
      },
    ],
    [
      '4xx responses are problem+json',
      {
        given: (c) =>
          Object.assign(op(c, 'get').responses as Json, {
            '404': { description: 'no', content: { 'application/json': { schema: { type: 'object' } } } },
          }),
        want: ['operation-4xx-problem-details-rfc7807:error', 'rule/error-response-problem-json:error'],
      },
    ],
    [
      '5xx responses are problem+json too',
      {
        given: (c) => Object.assign(op(c, 'get').responses as Json, { '500': { description: 'boom' } }),
        want: ['rule/error-response-content:error'],
      },
    ],
    [
      'every operation declares a 4xx response',
      {
        given: (c) => delete (op(c, 'get').responses as Json)['404'],
        want: ['operation-4xx-response:error'],
      },
    ],
    [
      'writes declare their security',
      {
        given: (c) => delete op(c, 'put').security,
        want: ['no-unused-components:error', 'rule/write-operation-security:error', 'security-defined:error'],
      },
    ],
    [
      'request bodies have an example',
      {
        given: (c) =>
          delete (((op(c, 'put').requestBody as Json).content as Json)['application/json'] as Json).example,
        want: ['rule/request-body-example:error'],
      },
    ],
    [
      'components are used',
      {
        given: (c) => Object.assign(c.components as Json, { schemas: { Unused: { type: 'string' } } }),
        want: ['no-unused-components:error'],
      },
    ],
    [
      'every operation has a handler',
      { given: () => {}, handlers: ['get-cart.ts'], want: ['charter/operation-handler:error'] },
    ],
    [
      'or is marked to be served with 501',
      {
        given: (c) => Object.assign(op(c, 'put'), { 'x-charter-unimplemented': true }),
        handlers: ['get-cart.ts'],
        want: [],
      },
    ],
    [
      'a mark next to a real handler is a warning',
      {
        given: (c) => Object.assign(op(c, 'put'), { 'x-charter-unimplemented': true }),
        want: ['charter/operation-handler:warning'],
      },
    ],
    [
      'function names are kebab-case',
      {
        given: (c) => Object.assign(op(c, 'put'), { 'x-charter-function': 'Cart_Writes' }),
        want: ['charter/function-group:error'],
      },
    ],
    [
      'a tag may group its operations into one function',
      {
        given: (c) => Object.assign((c.tags as Json[])[0], { 'x-charter-function': 'carts' }),
        want: [],
      },
    ],
    [
      'a function named on a later tag is ignored: a warning',
      {
        given: (c) => {
          c.tags = [
            { name: 'carts', description: 'Carts.', 'x-charter-function': 'carts' },
            { name: 'writes', description: 'Writes.', 'x-charter-function': 'writes' },
          ];
          op(c, 'put').tags = ['carts', 'writes'];
        },
        want: ['charter/function-group:warning'],
      },
    ],
    [
      "a group must not take the name of another operation's own function",
      {
        given: (c) => Object.assign(op(c, 'put'), { 'x-charter-function': 'get-cart' }),
        want: ['charter/function-group:error'],
      },
    ],
    [
      'what only Lambda validates is a note',
      {
        given: (c) =>
          Object.assign(((op(c, 'put').requestBody as Json).content as Json)['application/json'] as Json, {
            schema: { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } },
          }),
        want: ['charter/lambda-only:note'],
      },
    ],
  ])('%s', async (_, { given, handlers, want }) => {
    const contract = goodContract();
    given(contract);
    expect(await ruleIds(contract, handlers)).toEqual(want);
  });

  it('names the split file and position a problem is in', async () => {
    mkdirSync(join(project, 'contracts/shop/schemas'), { recursive: true });
    writeFileSync(
      join(project, 'contracts/shop/schemas/cart.yaml'),
      stringify({ Cart: { type: 'object', properties: { at: { type: 'string', format: 'date' } } } }),
    );
    const contract = goodContract();
    Object.assign(((op(contract, 'put').requestBody as Json).content as Json)['application/json'] as Json, {
      schema: { $ref: './schemas/cart.yaml#/Cart' },
    });
    await ruleIds(contract);
    const run = await lintContexts(project, ['shop']);
    expect(run.ok && run.findings).toEqual([
      expect.objectContaining({
        file: 'contracts/shop/schemas/cart.yaml',
        line: 6,
        ruleId: 'charter/lambda-only',
        severity: 'note',
      }),
    ]);
  });
});
