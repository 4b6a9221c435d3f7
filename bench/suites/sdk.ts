/**
 * Issue 4: the client SDKs. Minified + gzipped size of each context's SDK bundled for one
 * operation and for all of them (next to openapi-fetch alone), and the per-call cost of an SDK
 * operation function against a bare `fetch` and a plain openapi-fetch client, on loopback.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import createOpenApiClient from 'openapi-fetch';
import { findContexts } from '../../platform/codegen/parse/find-contexts.ts';
import * as catalog from '../../sdk/catalog/src/index.gen.ts';
import type { paths } from '../../sdk/catalog/src/types.gen.ts';
import { REPO } from '../lib/child.ts';
import { kib, median, table, us } from '../lib/stats.ts';

const ROUNDS = 5;
const CALLS = 2_000;
const WARMUP = 500;
const PRODUCT_ID = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
const BARE = 'bare fetch + json()';

export default async function run(): Promise<{ title: string; markdown: string }> {
  const sizes = await sizeTable();
  const overhead = await overheadTable();
  return {
    title: 'Client SDKs: size and per-call overhead',
    markdown: `Each SDK bundled by esbuild (ESM, minified, openapi-fetch included) and gzipped (level 9).
"one operation" imports \`createClient\` and the first operation; "all" imports everything. The
runtime (timeouts, retries, credentials) is in both; operations add only their own metadata.

${sizes}

Per-call time of \`GET /products/{productId}\` (a 400-byte JSON body) from a server in the same
process on 127.0.0.1, keep-alive, one call at a time: median over ${ROUNDS} rounds of
${CALLS.toLocaleString('en-US')} calls (after ${WARMUP} warm-up calls), variants interleaved.
CPU time is the whole process's (client and server) per call, which a busy machine disturbs
less than wall time; the server's share is the same for every client. The SDK call reads the
body inside the attempt's timeout and applies the retry policy.

${overhead}`,
  };
}

async function sizeTable(): Promise<string> {
  const gz = async (contents: string) => {
    const result = await build({
      stdin: { contents, resolveDir: REPO, loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: ['import'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
  };
  const base = await gz(
    "import createClient from 'openapi-fetch'; export const c = createClient({ baseUrl: '' });",
  );
  const rows: string[][] = [
    ['package', 'operations', 'one operation (min / gzip)', 'all operations (min / gzip)'],
    ['openapi-fetch alone', '', `${kib(base.min)} / ${kib(base.gzip)}`, ''],
  ];
  for (const { name } of findContexts(REPO)) {
    const entry = `./${join('sdk', name, 'src', 'index.gen.ts')}`;
    const sdk = (await import(join(REPO, entry))) as Record<string, unknown>;
    const operations = Object.keys(sdk).filter((k) => k !== 'createClient' && typeof sdk[k] === 'function');
    const one = await gz(
      `import { createClient, ${operations[0]} } from '${entry}'; export const c = createClient({ baseUrl: '' }); export { ${operations[0]} };`,
    );
    const all = await gz(`export * from '${entry}';`);
    rows.push([
      `@…/${name}-sdk`,
      String(operations.length),
      `${kib(one.min)} / ${kib(one.gzip)}`,
      `${kib(all.min)} / ${kib(all.gzip)}`,
    ]);
  }
  return table(rows);
}

async function overheadTable(): Promise<string> {
  const body = JSON.stringify({
    id: PRODUCT_ID,
    sku: 'TR2-BLK-42',
    name: 'Trail Runner 2',
    description: 'Lightweight trail shoe with a grippy outsole and a breathable mesh upper.',
    category: 'sports',
    tags: ['running', 'trail'],
    price: { amount: 12900, currency: 'EUR' },
    stock: 40,
    media: [],
    createdAt: '2025-01-31T12:00:00Z',
    updatedAt: '2025-01-31T12:00:00Z',
  });
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const plain = createOpenApiClient<paths>({ baseUrl: base });
    const sdk = catalog.createClient({ baseUrl: base });
    const params = { params: { path: { productId: PRODUCT_ID } } };
    const variants: Record<string, () => Promise<unknown>> = {
      [BARE]: async () => (await fetch(`${base}/products/${PRODUCT_ID}`)).json(),
      'openapi-fetch client.GET': () => plain.GET('/products/{productId}', params),
      'SDK getProduct()': () => catalog.getProduct(sdk, params),
      'SDK getProduct(), retries off': () => catalog.getProduct(sdk, { ...params, retries: 0 }),
    };
    const wall = new Map<string, number[]>();
    const cpu = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, name: string, value: number) =>
      map.set(name, [...(map.get(name) ?? []), value]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, call] of Object.entries(variants)) {
        for (let i = 0; i < WARMUP; i++) await call();
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        for (let i = 0; i < CALLS; i++) await call();
        const used = process.cpuUsage(cpuBefore);
        add(wall, name, ((performance.now() - started) * 1000) / CALLS);
        add(cpu, name, (used.user + used.system) / CALLS);
      }
    }
    const bare = { wall: median(wall.get(BARE) ?? []), cpu: median(cpu.get(BARE) ?? []) };
    const delta = (value: number, base: number) =>
      `${value >= base ? '+' : '−'}${us(Math.abs(value - base))}`;
    const rows = [['client', 'CPU per call', 'over bare fetch', 'wall per call', 'over bare fetch']];
    for (const name of Object.keys(variants)) {
      const c = median(cpu.get(name) ?? []);
      const w = median(wall.get(name) ?? []);
      const first = name === BARE;
      rows.push([name, us(c), first ? '' : delta(c, bare.cpu), us(w), first ? '' : delta(w, bare.wall)]);
    }
    return table(rows);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
