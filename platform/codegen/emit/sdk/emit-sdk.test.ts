/**
 * The SDK emitter: its naming, error types, examples and package files, on the shop's
 * contracts and on a fixture that exercises what they do not (every credential placement,
 * status ranges, `default`, reserved names, query styles).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContext } from '../../generate.ts';
import type { OperationModel } from '../../model/model.ts';
import { replaceFolder } from '../../write/write-output.ts';
import { OPENAPI_FETCH_RANGE, packageVersion } from './emit-package-json.ts';
import { schemaExample } from './example-values.ts';
import { errorMembers } from './operation-spec.ts';
import { operationNames, packageName } from './sdk-names.ts';
import { tsLiteral } from './ts-literal.ts';

const root = resolve('.');
const OUT = '.charter/test/sdk-features';
const fixture = {
  name: 'sdk-features',
  contractFile: join(root, 'platform/codegen/test-fixtures/sdk-features/openapi.yaml'),
};

describe('errorMembers', () => {
  it.each([
    [
      'explicit statuses, the rest undeclared',
      ['200', '404', '500'],
      ['ProblemOf<Op, 404>', 'ProblemOf<Op, 500>', 'UndeclaredProblem<Exclude<ErrorStatus, 404 | 500>>'],
    ],
    ['no error declared', ['204'], ['UndeclaredProblem<ErrorStatus>']],
    [
      'a 4XX range next to an explicit 4xx',
      ['200', '409', '4XX'],
      [
        'ProblemOf<Op, 409>',
        "ProblemOf<Op, '4XX', Exclude<ClientErrorStatus, 409>>",
        'UndeclaredProblem<Exclude<ErrorStatus, 409 | ClientErrorStatus>>',
      ],
    ],
    [
      'both ranges cover everything',
      ['4XX', '5XX'],
      ["ProblemOf<Op, '4XX', ClientErrorStatus>", "ProblemOf<Op, '5XX', ServerErrorStatus>"],
    ],
    [
      'default takes what is left',
      ['200', '400', 'default'],
      ['ProblemOf<Op, 400>', "ProblemOf<Op, 'default', Exclude<ErrorStatus, 400>>"],
    ],
  ])('%s', (_name, given, want) => {
    expect(errorMembers(given, 'Op')).toEqual(want);
  });
});

describe('names', () => {
  const op = (identifier: string) => ({ identifier }) as OperationModel;
  it.each([
    ['getProduct', { fn: 'getProduct', operation: 'GetProductOperation', error: 'GetProductError' }],
    [
      'delete',
      { fn: 'deleteOperation', operation: 'DeleteOperationOperation', error: 'DeleteOperationError' },
    ],
    [
      'createClient',
      {
        fn: 'createClientOperation',
        operation: 'CreateClientOperationOperation',
        error: 'CreateClientOperationError',
      },
    ],
  ])('operationNames(%s)', (given, want) => {
    expect(operationNames(op(given))).toEqual(want);
  });

  it.each([
    ['@shop', 'catalog', '@shop/catalog-sdk'],
    ['@acme', 'Order Lines', '@acme/order-lines-sdk'],
  ])('packageName(%s, %s)', (scope, context, want) => {
    expect(packageName(scope, context)).toBe(want);
  });

  it.each([
    ['1.0.0', '1.0.0'],
    ['2.1.0-beta.1', '2.1.0-beta.1'],
    ['2024-06-01', '0.0.0-2024-06-01'],
    ['v2 (stable)', '0.0.0-v2-stable'],
  ])('packageVersion(%s)', (given, want) => {
    expect(packageVersion(given)).toBe(want);
  });
});

describe('tsLiteral', () => {
  it.each([
    [{ params: { path: { id: 'a' } } }, "{ params: { path: { id: 'a' } } }"],
    [{ 'X-Trace': "it's", n: 1, ok: null }, `{ 'X-Trace': "it's", n: 1, ok: null }`],
    [['a\nb', 'say "hi"'], `['a\\nb', 'say "hi"']`],
    [{ list: [], map: {} }, '{ list: [], map: {} }'],
    [
      { body: { description: 'a long line that does not fit on one line of a README example, not at all' } },
      "{\n  body: {\n    description: 'a long line that does not fit on one line of a README example, not at all',\n  },\n}",
    ],
  ])('%j', (given, want) => {
    expect(tsLiteral(given)).toBe(want);
  });
});

describe('schemaExample', () => {
  const doc = {
    components: {
      schemas: {
        Money: {
          type: 'object',
          required: ['amount'],
          properties: { amount: { type: 'integer', minimum: 0 } },
        },
      },
    },
  };
  it.each([
    ['a uuid', { type: 'string', format: 'uuid' }, '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13'],
    ['the first enum value', { type: 'string', enum: ['b', 'a'] }, 'b'],
    ['an example before anything else', { type: 'integer', example: 7, default: 3 }, 7],
    ['required properties only, through $ref', { $ref: '#/components/schemas/Money' }, { amount: 0 }],
    ['a nullable string as a string', { type: ['string', 'null'], minLength: 8 }, 'stringxx'],
    ['oneOf: the first branch that is not null', { oneOf: [{ type: 'null' }, { type: 'boolean' }] }, true],
    ['an array of one item', { type: 'array', items: { type: 'number' } }, [1]],
  ])('%s', (_name, schema, want) => {
    expect(schemaExample(doc, schema, 0)).toEqual(want);
  });
});

describe('emitSdk on the sdk-features fixture', async () => {
  const output = await generateContext(root, fixture, OUT);
  const file = (name: string) => output.files.find((f) => f.path === `${OUT}/sdk/${name}`)?.contents ?? '';

  it('writes the package beside output sent elsewhere, and owns that folder', () => {
    expect(output.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(output.folders).toEqual([OUT, `${OUT}/sdk`]);
    const sdkFiles = output.files
      .filter((f) => f.path.startsWith(`${OUT}/sdk/`))
      .map((f) => f.path.slice(OUT.length + 5));
    expect(sdkFiles).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        'src/index.gen.ts',
        'src/operations.gen.ts',
        'src/runtime/send.gen.ts',
      ]),
    );
  });

  it.each(['src/operations.gen.ts', 'src/client.gen.ts', 'src/index.gen.ts', 'README.md', 'package.json'])(
    'snapshot of %s',
    async (name) => {
      await expect(file(name)).toMatchFileSnapshot(
        `__snapshots__/sdk-features/${name.replace('src/', '')}.snap`,
      );
    },
  );

  it('marks every source file as generated, and says so in the README and package.json', () => {
    for (const f of output.files.filter((f) => f.path.startsWith(`${OUT}/sdk/src/`))) {
      expect(f.contents, f.path).toMatch(
        /^\/\/ Generated by charter from platform\/codegen\/test-fixtures\/sdk-features\/openapi\.yaml\.\n\/\/ Do not edit/,
      );
    }
    expect(file('README.md')).toContain('are generated. Do not edit them');
    expect(JSON.parse(file('package.json')).description).toContain('generated by charter');
  });

  it('depends on openapi-fetch only, in a range the installed version satisfies', () => {
    const manifest = JSON.parse(file('package.json'));
    expect(Object.keys(manifest.dependencies)).toEqual(['openapi-fetch']);
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.version).toBe('2.1.0-beta.1');
    const installed = JSON.parse(readFileSync('node_modules/openapi-fetch/package.json', 'utf8'))
      .version as string;
    const [, minor] = /^\^0\.(\d+)\.\d+$/.exec(OPENAPI_FETCH_RANGE) ?? [];
    expect(installed.startsWith(`0.${minor}.`), `${installed} is outside ${OPENAPI_FETCH_RANGE}`).toBe(true);
  });

  it('copies the same runtime into every SDK', async () => {
    const orders = await generateContext(root, {
      name: 'orders',
      contractFile: join(root, 'contracts/orders/openapi.yaml'),
    });
    const runtime = (files: typeof output.files, dir: string) =>
      files
        .filter((f) => f.path.startsWith(`${dir}/src/runtime/`))
        .map((f) => [f.path.slice(dir.length), f.contents.split('\n').slice(2).join('\n')]);
    expect(runtime(orders.files, 'sdk/orders')).toEqual(runtime(output.files, `${OUT}/sdk`));
  });
});

describe('the generated sdk-features SDK compiles', () => {
  beforeAll(async () => {
    const output = await generateContext(root, fixture, OUT);
    await replaceFolder(root, OUT, output.files);
  });
  afterAll(() => rmSync(join(OUT, 'tsconfig.json'), { force: true }));

  it('type-checks', () => {
    writeFileSync(
      join(OUT, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../tsconfig.json', include: ['./sdk/**/*.ts'], exclude: [] }),
    );
    const tsc = spawnSync(
      process.execPath,
      [resolve('node_modules/typescript/bin/tsc'), '-p', join(OUT, 'tsconfig.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
