/**
 * Contract review on the largest real contract in the corpus: `charter diff` of two published
 * Stripe versions (target: the comparison under 1 s) and `charter lint` of the Stripe contract,
 * next to Redocly's own CLI linting the same file with its recommended rules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { diffContracts } from '../../platform/review/diff/diff-contracts.ts';
import { ContractDocument } from '../../platform/review/diff/document/contract-document.ts';
import { loadContract } from '../../platform/review/diff/document/load-contract.ts';
import { lintFile } from '../../platform/review/lint/lint-contracts.ts';

const root = resolve(import.meta.dirname, '../..');
const pair = resolve(root, '../shared/corpus/diff-pairs/real-world/stripe-2023-08-09-to-2023-09-12');
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Timing<T> {
  /** Median wall-clock time. */
  readonly ms: number;
  /** Median CPU time of this process: steadier than wall time on a busy machine. */
  readonly cpu: number;
  /** The first round, before the JIT has warmed up: what a single `charter diff` run sees. */
  readonly first: number;
  readonly result: T;
}

async function timed<T>(rounds: number, run: () => Promise<T> | T): Promise<Timing<T>> {
  const times: number[] = [];
  const cpu: number[] = [];
  let result!: T;
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = await run();
    times.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpu: median(cpu), first: times[0], result };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

/** @example const { title, markdown } = await run(); */
export default async function run(): Promise<{ title: string; markdown: string }> {
  const title = 'Contract review (charter diff, charter lint)';
  if (!existsSync(join(pair, 'base.yaml'))) {
    return { title, markdown: `Skipped: ${pair} is absent (the shared corpus is present in CI).` };
  }
  const base = join(pair, 'base.yaml');
  const head = join(pair, 'revision.yaml');

  const load = await timed(3, () => Promise.all([loadContract(base, pair), loadContract(head, pair)]));
  const [b, h] = load.result;
  if (!b.ok || !h.ok) throw new Error('the Stripe pair does not load');
  const diff = await timed(ROUNDS, () =>
    diffContracts(
      new ContractDocument(b.document.root, 'base'),
      new ContractDocument(h.document.root, 'head'),
    ),
  );
  const changes = diff.result;
  const count = (level: string) => changes.filter((c) => c.level === level).length;
  const cli = await timed(3, () =>
    spawnSync(
      process.execPath,
      [join(root, 'platform/bin/charter.mjs'), 'diff', base, head, '--format', 'json'],
      {
        encoding: 'utf8',
        maxBuffer: 512 * 2 ** 20,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      },
    ),
  );

  const lint = await timed(3, () => lintFile(root, head));
  const findings = lint.result;
  const redocly = await timed(1, () =>
    spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        head,
        '--format=summary',
        '--extends=recommended',
      ],
      {
        encoding: 'utf8',
        maxBuffer: 512 * 2 ** 20,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
        cwd: pair,
      },
    ),
  );

  const markdown = `
Stripe \`spec3.yaml\` 2023-08-09 → 2023-09-12 (OpenAPI 3.0, about 4 MB each, 454 → 468 operations). Medians over rounds.
Load average during the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs (wall times grow with it; CPU times much less).

| step | time | target | notes |
|---|---|---|---|
| diff engine: compare the two bundled contracts | **${fmt(diff.ms)}** (${ROUNDS} rounds; CPU ${fmt(diff.cpu)}; first, cold: ${fmt(diff.first)}) | < 1 s: wall ${diff.ms < 1000 ? '✓' : '✗'}, CPU ${diff.cpu < 1000 ? '✓' : '✗'} | ${changes.length} changes: ${count('breaking')} breaking, ${count('warning')} warnings, ${count('info')} info |
| load: bundle both contracts with Redocly | ${fmt(load.ms)} (3 rounds) | | parse + bundle, both sides |
| \`charter diff base.yaml revision.yaml --format json\`, end to end | ${fmt(cli.ms)} (3 rounds) | | exit ${cli.result.status}; includes process start and loading |
| \`charter lint\` rules on revision.yaml (house ruleset + platform rules, in process) | ${fmt(lint.ms)} (3 rounds; CPU ${fmt(lint.cpu)}) | | ${findings.filter((f) => f.severity === 'error').length} errors, ${findings.filter((f) => f.severity === 'warning').length} warnings, ${findings.filter((f) => f.severity === 'note').length} notes |
| peer: \`redocly lint --extends=recommended\` (Redocly CLI, own process) | ${fmt(redocly.ms)} (1 round) | | exit ${redocly.result.status} |

The diff reports a change once per operation it affects; Stripe's shared \`error\` schema reaches
most of the contract, so one component change shows up under hundreds of operations.
`;
  return { title, markdown };
}
