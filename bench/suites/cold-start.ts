/**
 * Issue 7, measurement 2: cold start. A fresh Node process imports one function's bundle (built
 * by `bundleContext`, the code behind `charter bundle`) and answers its first event; against
 * openapi-backend initialising the same contract in both its modes.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { restApiEvent } from '../../tests/support/api-gateway-events.ts';
import { benchProject, WORK } from '../lib/bench-project.ts';
import { REPO, runJson } from '../lib/child.ts';
import { benchCases } from '../lib/events.ts';
import { kib, median, mibFromKib, ms, table, verdict } from '../lib/stats.ts';
import { STRIPE_OPERATION, stripeProject } from '../lib/stripe-project.ts';
import { BENCH_CONTRACT } from '../peers/openapi-backend.ts';

const PROBE = 'bench/workers/cold-start.mjs';

interface Probe {
  bootMs: number;
  initMs: number;
  firstMs: number;
  totalMs: number;
  spanCpuMs: number;
  status: number;
  rssKib: number;
  maxRssKib: number;
  failed?: string;
}

interface Built {
  file: string;
  bytes: number;
  operations: number;
  buildMs?: number;
}

export default async function run(): Promise<{ title: string; markdown: string }> {
  const stripeRoot = await stripeProject();
  const bench = await benchProject();
  const out = join(WORK, 'cold-start');
  mkdirSync(out, { recursive: true });
  const BENCH_CONTRACT_JSON = join(out, 'bench.json');
  writeFileSync(BENCH_CONTRACT_JSON, JSON.stringify(parse(readFileSync(BENCH_CONTRACT, 'utf8'))));
  const built = await runJson<{ stripeSingle: Built; stripeLith: Built; catalogSingle: Built }>(
    'bench/workers/prepare-cold-start.ts',
    [stripeRoot, out],
  );
  const stripeEvent = writeEvent(out, 'stripe-event.json', {
    method: 'GET',
    path: '/stripe/v1/customers/cus_Nb3kq8Ua2',
    resource: { template: '/v1/customers/{customer}', pathParameters: { customer: 'cus_Nb3kq8Ua2' } },
    headers: { host: 'api.example.com', authorization: 'Bearer verified-by-api-gateway' },
    claims: { sub: 'acct_1', scope: 'read_write' },
  });
  const catalogEvent = writeEvent(out, 'catalog-event.json', {
    method: 'GET',
    path: '/catalog/products/3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
    resource: {
      template: '/products/{productId}',
      pathParameters: { productId: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13' },
    },
    headers: { host: 'api.example.com' },
  });

  const benchEvent = join(out, 'bench-event.json');
  writeFileSync(benchEvent, JSON.stringify(benchCases().find((c) => c.name === 'GET valid')?.event));
  const benchBuilt: Built = {
    file: bench.perOperation('get-item'),
    bytes: statSync(bench.perOperation('get-item')).size,
    operations: 1,
  };

  const variants: { name: string; args: string[]; rounds: number; status: number; built?: Built }[] = [
    {
      name: `charter, Stripe, 1 operation (${STRIPE_OPERATION.operationId})`,
      args: ['bundle', built.stripeSingle.file, stripeEvent],
      rounds: 7,
      status: 200,
      built: built.stripeSingle,
    },
    {
      name: `charter, Stripe, Lambda-lith (${built.stripeLith.operations} operations)`,
      args: ['bundle', built.stripeLith.file, stripeEvent],
      rounds: 3,
      status: 200,
      built: built.stripeLith,
    },
    {
      name: 'charter, example context catalog, 1 operation (getProduct)',
      args: ['bundle', built.catalogSingle.file, catalogEvent],
      rounds: 7,
      status: 200,
      built: built.catalogSingle,
    },
    {
      name: 'openapi-backend, Stripe, quick mode',
      args: ['openapi-backend', join(out, 'stripe.json'), 'quick', stripeEvent],
      rounds: 3,
      status: 200,
    },
    {
      name: 'openapi-backend, Stripe, default mode',
      args: ['openapi-backend', join(out, 'stripe.json'), 'default', stripeEvent],
      rounds: 3,
      status: 200,
    },
    {
      name: 'openapi-backend, catalog, quick mode',
      args: ['openapi-backend', join(out, 'catalog.json'), 'quick', catalogEvent],
      rounds: 7,
      status: 200,
    },
    {
      name: 'openapi-backend, catalog, default mode',
      args: ['openapi-backend', join(out, 'catalog.json'), 'default', catalogEvent],
      rounds: 7,
      status: 200,
    },
    {
      name: 'charter, bench contract, 1 operation (getItem)',
      args: ['bundle', benchBuilt.file, benchEvent],
      rounds: 7,
      status: 200,
      built: benchBuilt,
    },
    {
      name: 'openapi-backend, bench contract, quick mode',
      args: ['openapi-backend', BENCH_CONTRACT_JSON, 'quick', benchEvent],
      rounds: 7,
      status: 200,
    },
    {
      name: 'openapi-backend, bench contract, default mode',
      args: ['openapi-backend', BENCH_CONTRACT_JSON, 'default', benchEvent],
      rounds: 7,
      status: 200,
    },
  ];

  const results = new Map<string, Probe[]>();
  const maxRounds = Math.max(...variants.map((v) => v.rounds));
  for (let round = 0; round < maxRounds; round++) {
    for (const variant of variants) {
      if (round >= variant.rounds) continue;
      const probe = await runJson<Probe>(PROBE, variant.args, { tsx: false, cwd: REPO });
      if (!probe.failed && probe.status !== variant.status) {
        throw new Error(
          `${variant.name}: the first event was answered ${probe.status}, not ${variant.status}`,
        );
      }
      results.set(variant.name, [...(results.get(variant.name) ?? []), probe]);
      if (probe.failed) variant.rounds = round + 1;
    }
  }

  const rows = variants.map((v) => {
    const probes = results.get(v.name) ?? [];
    if (probes[0]?.failed)
      return [v.name, `fails to initialise: ${probes[0].failed}`, '', '', '', '', '', ''];
    const m = (pick: (p: Probe) => number) => median(probes.map(pick));
    return [
      v.name,
      `**${ms(m((p) => p.totalMs))}**`,
      ms(m((p) => p.initMs)),
      ms(m((p) => p.firstMs)),
      ms(m((p) => p.spanCpuMs)),
      ms(m((p) => p.bootMs)),
      mibFromKib(Math.max(...probes.map((p) => p.maxRssKib))),
      v.built ? kib(v.built.bytes) : 'n/a (library + contract)',
    ];
  });

  const single = results.get(variants[0].name) ?? [];
  const singleTotal = median(single.map((p) => p.totalMs));
  const singleCpu = median(single.map((p) => p.spanCpuMs));
  const quick = median((results.get(variants[3].name) ?? []).map((p) => p.totalMs));
  const markdown = `Each figure is the median over fresh Node ${process.version} processes (rounds per row: ${variants.map((v) => v.rounds).join(', ')}), run without tsx as Lambda's Node runtime would run them. **first response** = import (or openapi-backend's import + \`new\` + \`init()\`) plus answering one API Gateway REST event, measured inside the process from before the import; Node's own boot (before any user code runs, the same for everyone and in Lambda part of the runtime's init) is shown apart. CPU is the process's user + system time over the same span. Bundles come from \`bundleContext\`, the code behind \`charter bundle\` (minified ESM, \`responseValidation: 'off'\`); their size is the single \`index.mjs\`. openapi-backend fails to initialise in its default mode on both real contracts (it validates the document against its OpenAPI 3.0 schema and compiles every validator up front): the bench contract (OpenAPI 3.0, 2 operations) gives a pair where both modes start. Stripe: ../shared/corpus/specs/stripe-spec3.yaml (4 MB, OpenAPI 3.0, 468 operations), event \`GET /v1/customers/{customer}\`; catalog: contracts/catalog, event \`GET /products/{productId}\`. openapi-backend gets each contract already bundled as JSON (no YAML parsing on its side).

${table([['function', 'first response', 'import / init', 'first event', 'CPU', 'Node boot', 'peak RSS', 'bundle (minified)'], ...rows])}

${table([
  ['target', 'figure', 'verdict'],
  [
    'single-operation Stripe function answers its first event in under 30 ms',
    `${ms(singleTotal)} wall, ${ms(singleCpu)} CPU`,
    verdict(singleTotal < 30),
  ],
  [
    'single-operation Stripe function under 100 KB minified',
    kib(built.stripeSingle.bytes),
    verdict(built.stripeSingle.bytes < 100 * 1024),
  ],
  [
    'for comparison: openapi-backend (quick mode) on Stripe',
    ms(quick),
    `${(quick / singleTotal).toFixed(0)}x charter's single-operation function`,
  ],
])}

The example context's function starts slower than Stripe's because of its own dependencies, not charter's: its bundle carries the catalog's repositories and the PostgreSQL client, and \`createDeps()\` chooses and opens its store while the module initialises. A Lambda-lith now loads each operation's validators on that operation's first request (esbuild chunks next to index.mjs), so a 468-operation function starts about as fast as a single-operation one; before, it parsed every validator at start (~425 ms on this machine).

Building the bundles (not part of the figures): single-operation ${ms(built.stripeSingle.buildMs ?? Number.NaN)}, Lambda-lith ${ms(built.stripeLith.buildMs ?? Number.NaN)}.`;
  return { title: 'Cold start', markdown };
}

function writeEvent(dir: string, name: string, input: Parameters<typeof restApiEvent>[0]): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(restApiEvent(input)));
  return file;
}
