/**
 * The SDK as a consumer team gets it: `charter sdk pack` and `charter sdk publish` into a real
 * npm registry on loopback (verdaccio, no uplinks), then a fresh project outside the workspace
 * installs it from there, type-checks against it (and fails to compile a wrong call) and calls
 * a running dev gateway with it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrityOf, readTarball } from '../../platform/sdk/tarball.ts';
import { type DevProject, startDevProject } from '../support/dev-project.ts';
import { type LocalRegistry, startVerdaccio } from '../support/verdaccio.ts';

const CHARTER = resolve('platform/bin/charter.mjs');
const TSC = resolve('node_modules/typescript/bin/tsc');
const TARBALL = 'dist/sdk/shop-catalog-sdk-1.0.0.tgz';

let registry: LocalRegistry;
let project: string;
let consumer: string;
let cache: string;
let dev: DevProject | undefined;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NPM_CONFIG_USERCONFIG: registry.userconfig, NPM_CONFIG_CACHE: cache },
    timeout: 180_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    all: result.stdout + result.stderr,
  };
}
const charter = (...args: string[]) => run(process.execPath, [CHARTER, ...args], project);
const npm = (cwd: string, ...args: string[]) => run('npm', [...args, '--no-audit', '--no-fund'], cwd);

function editContract(edit: (text: string) => string): void {
  const file = join(project, 'contracts/catalog/openapi.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  expect(charter('generate').code).toBe(0);
}

beforeAll(async () => {
  registry = await startVerdaccio();
  cache = mkdtempSync(join(tmpdir(), 'charter-npm-cache-'));
  // Inside the workspace: `sdk pack` compiles against the workspace's openapi-fetch types.
  mkdirSync('.charter/tmp', { recursive: true });
  project = mkdtempSync(resolve('.charter/tmp/sdk-publish-'));
  cpSync('contracts/catalog', join(project, 'contracts/catalog'), { recursive: true });
  cpSync('charter.config.json', join(project, 'charter.config.json'));
  expect(charter('generate').all).toContain('wrote generated/catalog and sdk/catalog');
  // The registry has no uplink, so the SDK's own dependency is published there first.
  for (const name of ['openapi-fetch', 'openapi-typescript-helpers']) {
    const packed = npm(project, 'pack', resolve('node_modules', name), '--pack-destination', cache, '--json');
    const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
    expect(npm(project, 'publish', join(cache, filename), '--registry', registry.url).code).toBe(0);
  }
}, 240_000);

afterAll(async () => {
  await dev?.stop();
  await registry?.stop();
  for (const dir of [project, consumer, cache]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('charter sdk pack', () => {
  it('builds ESM with declarations, the contract and a first CHANGELOG entry, reproducibly', () => {
    const first = charter('sdk', 'pack', 'catalog');
    expect(first.code, first.all).toBe(0);
    expect(first.stderr).toContain(`catalog: ${TARBALL}`);
    const files = readTarball(join(project, TARBALL));
    expect([...files.keys()].sort()).toEqual(
      expect.arrayContaining([
        'CHANGELOG.md',
        'README.md',
        'dist/index.gen.d.ts',
        'dist/index.gen.js',
        'openapi.json',
        'package.json',
      ]),
    );
    expect([...files.keys()].some((f) => f.startsWith('src/'))).toBe(false);
    const manifest = JSON.parse(String(files.get('package.json')));
    expect(manifest).toMatchObject({
      name: '@shop/catalog-sdk',
      version: '1.0.0',
      type: 'module',
      sideEffects: false,
    });
    expect(manifest.dependencies).toEqual({ 'openapi-fetch': '^0.17.0' });
    expect(String(files.get('CHANGELOG.md'))).toContain(
      '## 1.0.0\n\nFirst packed version of Catalog API, with 4 operation(s)',
    );

    const integrity = integrityOf(join(project, TARBALL));
    expect(charter('sdk', 'pack', 'catalog').code).toBe(0);
    expect(integrityOf(join(project, TARBALL))).toBe(integrity);
  }, 120_000);

  it('refuses to pack an SDK that is not what the contract gives', () => {
    const file = join(project, 'sdk/catalog/README.md');
    const readme = readFileSync(file, 'utf8');
    writeFileSync(file, `${readme}\nedited by hand\n`);
    const pack = charter('sdk', 'pack', 'catalog');
    writeFileSync(file, readme);
    expect(pack.code).toBe(1);
    expect(pack.stderr).toContain('sdk/catalog is not what the contract gives (sdk/catalog/README.md)');
    expect(pack.stderr).toContain('run `npx charter generate`');
  });
});

describe('charter sdk publish', () => {
  it('publishes to the registry with the credentials of the user config, and again is a no-op', () => {
    const publish = charter('sdk', 'publish', 'catalog', '--registry', registry.url);
    expect(publish.code, publish.all).toBe(0);
    expect(publish.stderr).toContain(`@shop/catalog-sdk@1.0.0 published to ${registry.url}`);
    const again = charter('sdk', 'publish', 'catalog', '--registry', registry.url);
    expect(again.code, again.all).toBe(0);
    expect(again.stderr).toContain('@shop/catalog-sdk@1.0.0 is already published with the same content');
  }, 120_000);

  it('refuses to republish a version with different content', () => {
    editContract((text) => text.replace('summary: List products', 'summary: List the products'));
    const pack = charter('sdk', 'pack', 'catalog');
    expect(pack.code, pack.all).toBe(0);
    expect(pack.stderr).toContain('this replaced a different 1.0.0 tarball');
    const publish = charter('sdk', 'publish', 'catalog', '--registry', registry.url);
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain(
      'refused: @shop/catalog-sdk@1.0.0 is already published with different content',
    );
    expect(publish.stderr).toContain('bump info.version');
  }, 120_000);

  it('writes the next CHANGELOG entry from charter diff and publishes the new version', () => {
    editContract((text) =>
      text.replace('  version: 1.0.0', '  version: 1.1.0').replace(
        "        - $ref: '#/components/parameters/Cursor'",
        `        - name: onSale
          in: query
          description: Only products on sale.
          schema:
            type: boolean
        - $ref: '#/components/parameters/Cursor'`,
      ),
    );
    const pack = charter('sdk', 'pack', 'catalog');
    expect(pack.code, pack.all).toBe(0);
    expect(pack.stderr).toContain('CHANGELOG 1.1.0 (since 1.0.0)');
    const log = String(readTarball(join(project, 'dist/sdk/shop-catalog-sdk-1.1.0.tgz')).get('CHANGELOG.md'));
    expect(log).toMatch(
      /^# Changelog of @shop\/catalog-sdk\n\n## 1\.1\.0\n\nContract changes since 1\.0\.0, from `charter diff`/,
    );
    expect(log).toContain('onSale');
    expect(log).toContain('minor version bump; 1.0.0 → 1.1.0 gives it');
    expect(log.indexOf('## 1.0.0')).toBeGreaterThan(log.indexOf('onSale'));
    const publish = charter('sdk', 'publish', 'catalog', '--registry', registry.url);
    expect(publish.code, publish.all).toBe(0);
  }, 120_000);
});

describe('a consumer project outside the workspace', () => {
  beforeAll(async () => {
    consumer = mkdtempSync(join(tmpdir(), 'charter-consumer-'));
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    writeFileSync(join(consumer, '.npmrc'), `registry=${registry.url}/\n`);
    const compilerOptions = {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      // A browser-like consumer: no @types/node, and the SDK's declarations are checked too.
      lib: ['ES2022', 'DOM'],
      types: [],
      strict: true,
      skipLibCheck: false,
      outDir: 'out',
    };
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['consumer.ts'] }),
    );
    writeFileSync(
      join(consumer, 'tsconfig.wrong.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true }, files: ['wrong.ts'] }),
    );
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { createClient, createProduct, getProduct, listProducts, type Schema } from '@shop/catalog-sdk';

export async function run(baseUrl: string, token: string) {
  const catalog = createClient({ baseUrl, timeoutMs: 5_000, auth: { bearerAuth: async () => token } });
  const page = await listProducts(catalog, { params: { query: { limit: 2, tags: ['running'] } } });
  if (page.error) throw new Error(\`listProducts answered \${page.error.status}\`);
  const first: Schema<'Product'> = page.data.items[0];
  const one = await getProduct(catalog, { params: { path: { productId: first.id } } });
  const invalid = await getProduct(catalog, { params: { path: { productId: 'not-a-uuid' } } });
  const created = await createProduct(catalog, {
    body: { sku: 'CONSUMER-1', name: 'From a consumer', category: 'toys', tags: [], price: { amount: 500, currency: 'EUR' }, stock: 2 },
  });
  return {
    names: page.data.items.map((p) => p.name),
    same: one.data?.id === first.id,
    invalid: invalid.error?.status === 400 ? invalid.error.errors?.map((e) => e.name) : invalid.error?.status,
    created: created.error ? created.error.status : created.response.headers.get('location') === \`/products/\${created.data.id}\`,
  };
}
`,
    );
    writeFileSync(
      join(consumer, 'wrong.ts'),
      `import { createClient, getProduct } from '@shop/catalog-sdk';

const catalog = createClient({ baseUrl: 'http://localhost:3000/catalog' });
await getProduct(catalog, { params: { path: { id: 'a-product' } } });
export {};
`,
    );
    writeFileSync(
      join(consumer, 'run.mjs'),
      "import { run } from './out/consumer.js';\nconsole.log(JSON.stringify(await run(process.argv[2], process.argv[3])));\n",
    );
  });

  it('installs the SDK from the registry, with openapi-fetch as its only dependency', () => {
    const install = npm(consumer, 'install', '@shop/catalog-sdk@1.1.0');
    expect(install.code, install.all).toBe(0);
    const modules = readdirSync(join(consumer, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(modules.sort()).toEqual(['@shop', 'openapi-fetch', 'openapi-typescript-helpers']);
    const installed = JSON.parse(
      readFileSync(join(consumer, 'node_modules/@shop/catalog-sdk/package.json'), 'utf8'),
    );
    expect(installed.version).toBe('1.1.0');
  }, 180_000);

  it('type-checks a consumer file against it', () => {
    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer);
    expect(tsc.all).toBe('');
    expect(tsc.code).toBe(0);
  }, 120_000);

  it('does not compile a call that the contract does not allow', () => {
    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.wrong.json'], consumer);
    expect(tsc.code).toBe(2);
    expect(tsc.stdout).toMatch(
      /^wrong\.ts\(4,\d+\): error TS2353: Object literal may only specify known properties, and 'id' does not exist/m,
    );
  }, 120_000);

  it('calls a running dev gateway with it', async () => {
    dev = await startDevProject('sdk-consumer');
    const token = dev.charter('dev', 'token', '--sub', 'u1', '--scope', 'catalog:write').stdout;
    const result = run(process.execPath, ['run.mjs', `${dev.url}/catalog`, token], consumer);
    expect(result.code, result.all).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({ same: true, invalid: ['productId'], created: true });
    expect(answer.names).toHaveLength(2);
  }, 120_000);
});
