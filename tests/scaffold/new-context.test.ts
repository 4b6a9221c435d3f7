/**
 * `charter new` in a throwaway copy of this repository (under .charter/tmp, so workspace
 * packages still resolve): the new context lints clean, generates, type-checks and passes its
 * own tests, and nothing that exists is ever overwritten.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadContexts } from '../../infra/lib/config/load-contexts.ts';
import { newContext } from '../../platform/scaffold/new-context.ts';
import { deployedExport } from '../support/deployed-export.ts';
import { runCharter } from '../support/run-charter.ts';

let root: string;
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', NODE_ENV: 'test', FORCE_COLOR: '0', NO_COLOR: '1' };
const charter = (...args: string[]) => runCharter(args, { cwd: root, env });

/** Any tool from this repository's node_modules, run in the temporary project. */
function tool(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(script), ...args], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

const vitest = (...paths: string[]) =>
  tool('node_modules/vitest/vitest.mjs', ['run', '--root', root, '--typecheck.enabled=false', ...paths]);

beforeAll(() => {
  root = resolve('.charter/tmp', `new-context-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(root, { recursive: true });
  for (const part of ['contracts', 'generated', 'handlers', 'sdk', 'charter.config.json', 'redocly.yaml']) {
    cpSync(part, join(root, part), { recursive: true });
  }
  writeFileSync(
    join(root, 'tsconfig.json'),
    JSON.stringify({
      extends: resolve('tsconfig.json'),
      include: ['generated/*', 'handlers/*', 'sdk/*/src'],
      exclude: ['node_modules'],
    }),
  );
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('charter new <ctx>', () => {
  it('scaffolds a context whose contract lints clean, whose code is generated and whose tests pass', async () => {
    const run = await charter('new', 'shipping');
    expect(run.stderr).toContain(
      'charter new: shipping: created; wrote contracts/shipping/, generated/shipping/, sdk/shipping/, handlers/shipping/, redocly.yaml',
    );
    expect(run.stderr).toContain('charter lint: 0 error(s), 0 warning(s)');
    expect(run.code).toBe(0);

    const contract = parse(readFileSync(join(root, 'contracts/shipping/openapi.yaml'), 'utf8'));
    expect(contract.info.title).toBe('Shipping API');
    expect(contract.servers[0].url).toBe('http://localhost:3000/shipping');
    expect(parse(readFileSync(join(root, 'redocly.yaml'), 'utf8')).apis.shipping).toEqual({
      root: 'contracts/shipping/openapi.yaml',
    });
    expect(JSON.parse(readFileSync(join(root, 'sdk/shipping/package.json'), 'utf8')).name).toBe(
      '@shop/shipping-sdk',
    );
    for (const file of ['index.ts', 'deps.ts', 'handlers.test.ts'])
      expect(existsSync(join(root, 'handlers/shipping', file))).toBe(true);

    const lint = await charter('lint', 'shipping');
    expect(lint.stderr).toContain('charter lint: 1 contract(s): 0 error(s), 0 warning(s)');
    expect(lint.code).toBe(0);
    const check = await charter('generate', '--check', 'shipping');
    expect(check.stderr).toContain('generated code is up to date');
    expect(check.code).toBe(0);

    const tests = await vitest('handlers/shipping');
    expect(tests.output).toMatch(/Tests\s+5 passed \(5\)/);
    expect(tests.code).toBe(0);
  }, 240_000);

  it('clones another context: names renamed, contract lints clean, generated code type-checks, tests pass', async () => {
    const run = await charter('new', 'catalog-v2', '--from', 'catalog');
    expect(run.stderr).toContain('charter new: catalog-v2: cloned from catalog;');
    expect(run.stderr).toContain(
      'operationIds: listProducts → listProductsV2, createProduct → createProductV2, getProduct → getProductV2, updateProduct → updateProductV2',
    );
    expect(run.stderr).toContain('scopes: catalog:write → catalog-v2:write');
    expect(run.code).toBe(0);

    const contract = parse(readFileSync(join(root, 'contracts/catalog-v2/openapi.yaml'), 'utf8'));
    expect(contract.info.title).toBe('Catalog V2 API');
    expect(contract.tags.map((t: { name: string }) => t.name)).toEqual(['products-v2']);
    expect(contract.paths['/products'].post).toMatchObject({
      operationId: 'createProductV2',
      'x-charter-unimplemented': true,
      tags: ['products-v2'],
      security: [{ bearerAuth: ['catalog-v2:write'] }],
    });
    // The split files came along, so the copy does not depend on the original's.
    expect(existsSync(join(root, 'contracts/catalog-v2/schemas/product.yaml'))).toBe(true);

    const lint = await charter('lint', 'catalog-v2');
    expect(lint.stderr).toContain('charter lint: 1 contract(s): 0 error(s), 0 warning(s)');
    expect(lint.code).toBe(0);

    const tsc = await tool('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
    const handlersGen = readFileSync(join(root, 'generated/catalog-v2/handlers.gen.ts'), 'utf8');
    expect(handlersGen).toContain('readonly createProductV2: CreateProductV2Handler<D>;');

    const tests = await vitest('handlers/catalog-v2');
    expect(tests.output).toMatch(/Tests\s+7 passed \(7\)/);
    expect(tests.code).toBe(0);
  }, 240_000);

  it("is accepted by Redocly's own CLI through the apis of redocly.yaml, and by Biome", async () => {
    const redocly = await tool('node_modules/@redocly/cli/bin/cli.js', [
      'lint',
      'shipping',
      'catalog-v2',
      '--format=stylish',
    ]);
    expect(redocly.output).toMatch(/valid/i);
    expect(redocly.code).toBe(0);
    const biome = await tool('node_modules/@biomejs/biome/bin/biome', [
      'check',
      '--vcs-use-ignore-file=false',
      'handlers/shipping',
      'handlers/catalog-v2',
    ]);
    expect(biome.output).not.toMatch(/Found \d+ error/);
    expect(biome.code).toBe(0);
  }, 120_000);

  it('needs no infra registration: infra finds the new contexts under contracts/ and deploys them answering 501', async () => {
    const loaded = await loadContexts(root);
    const byName = new Map(loaded.map((c) => [c.model.context, c]));
    expect(byName.get('shipping')?.unimplemented).toEqual(['listItems', 'createItem', 'getItem']);
    expect(byName.get('catalog-v2')?.unimplemented).toHaveLength(4);
    // The API Gateway definition infra builds from each contract, as a stage would export it.
    const exported = await deployedExport(root, 'shipping', { restApiId: 'a1b2c3d4e5', stage: 'prod' });
    expect(Object.keys(exported.paths as object)).toEqual(['/items', '/items/{itemId}']);
  }, 60_000);

  it('refuses to overwrite anything that has the name, and says what', async () => {
    const before = readFileSync(join(root, 'contracts/catalog-v2/openapi.yaml'), 'utf8');
    const again = await charter('new', 'catalog-v2', '--from', 'catalog');
    expect(again.stderr).toContain(
      'charter new: "catalog-v2" is already in use, so nothing was written: contracts/catalog-v2 already exists; generated/catalog-v2 already exists; sdk/catalog-v2 already exists; handlers/catalog-v2 already exists; redocly.yaml already lists "catalog-v2" under apis. Choose another name, or remove those first.',
    );
    expect(again.code).toBe(1);
    expect(readFileSync(join(root, 'contracts/catalog-v2/openapi.yaml'), 'utf8')).toBe(before);

    mkdirSync(join(root, 'handlers/returns'), { recursive: true });
    writeFileSync(join(root, 'handlers/returns/notes.md'), 'work in progress');
    const partial = await newContext(root, { name: 'returns', from: 'orders' });
    expect(partial).toEqual({
      ok: false,
      exitCode: 1,
      problems: [
        '"returns" is already in use, so nothing was written: handlers/returns already exists. Choose another name, or remove those first.',
      ],
    });
    expect(existsSync(join(root, 'contracts/returns'))).toBe(false);
    expect(readFileSync(join(root, 'handlers/returns/notes.md'), 'utf8')).toBe('work in progress');
  }, 60_000);

  it.each([
    ['Shipping', {}, 'is not a context name', 'e.g. "shipping"'],
    ['order--history', {}, 'is not a context name', 'lower-case words joined by single hyphens'],
    ['docs', {}, '"docs" is taken: the local gateway serves its API reference at /docs', ''],
    [
      'returns',
      { from: 'nowhere' },
      '--from nowhere: no contract at contracts/nowhere/openapi.yaml',
      'found: catalog',
    ],
  ])('refuses %s %j with a reason (exit 2)', async (name, options, reason, hint) => {
    const result = await newContext(root, { name, ...options });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.exitCode).toBe(2);
    expect(result.problems.join('\n')).toContain(reason);
    expect(result.problems.join('\n')).toContain(hint);
  });
});
