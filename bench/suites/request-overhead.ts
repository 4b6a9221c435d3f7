/**
 * Issue 7, measurement 1: request overhead. The same API Gateway (REST, payload 1.0) events
 * through charter's Lambda bundles, a hand-written floor, openapi-backend, Powertools Router +
 * zod and middy + validator, each in fresh processes, interleaved over rounds.
 */
import { benchProject } from '../lib/bench-project.ts';
import { runJson } from '../lib/child.ts';
import type { CaseName } from '../lib/events.ts';
import { median, mibFromKib, ratio, table, us, verdict } from '../lib/stats.ts';

const ROUNDS = 5;
const WARMUP_MS = 150;
const MEASURE_MS = 120;
const CASES: readonly CaseName[] = ['POST valid', 'POST invalid', 'GET valid', 'GET invalid'];

interface WorkerResult {
  name: string;
  results: Record<CaseName, { cpuUsPerOp: number[]; wallUsPerOp: number[]; body: unknown }>;
  maxRssKib: number;
}

const IMPLEMENTATIONS: readonly { id: string; logs?: boolean }[] = [
  { id: 'floor' },
  { id: 'charter' },
  { id: 'charter-lith' },
  { id: 'charter', logs: true },
  { id: 'openapi-backend' },
  { id: 'powertools' },
  { id: 'middy' },
];

export default async function run(): Promise<{ title: string; markdown: string }> {
  await benchProject();
  const samples = new Map<string, WorkerResult[]>();
  for (const impl of IMPLEMENTATIONS) {
    const key = impl.logs ? `${impl.id}+logs` : impl.id;
    const result = await runJson<WorkerResult>(
      'bench/workers/request-overhead.ts',
      [impl.id, String(WARMUP_MS), String(MEASURE_MS), String(ROUNDS)],
      // No peer writes a log line per request; charter's request log is measured on its own row.
      { env: { LOG_LEVEL: impl.logs ? 'info' : 'warn', NODE_ENV: 'production' }, quietStdout: impl.logs },
    );
    if (impl.logs) result.name = `${result.name}, request log on`;
    samples.set(key, [...(samples.get(key) ?? []), result]);
  }
  checkSameAnswers(samples);

  const cpu = (key: string, c: CaseName) =>
    median((samples.get(key) ?? []).flatMap((s) => s.results[c].cpuUsPerOp));
  const wall = (key: string, c: CaseName) =>
    median((samples.get(key) ?? []).flatMap((s) => s.results[c].wallUsPerOp));
  const rows = [...samples].map(([key, runs]) => [
    runs[0].name,
    ...CASES.map((c) => `${us(cpu(key, c))} (${ratio(cpu(key, c), cpu('floor', c))})`),
    mibFromKib(Math.max(...runs.map((r) => r.maxRssKib))),
  ]);
  const wallRows = [...samples].map(([key, runs]) => [runs[0].name, ...CASES.map((c) => us(wall(key, c)))]);

  const worstVsFloor = Math.max(...CASES.map((c) => cpu('charter', c) / cpu('floor', c)));
  const leastVsBackend = Math.min(...CASES.map((c) => cpu('openapi-backend', c) / cpu('charter', c)));
  const targets = table([
    ['target', 'figure', 'verdict'],
    [
      'charter at most 1.5x the floor (worst case)',
      `${worstVsFloor.toFixed(2)}x (${CASES.map((c) => `${c} ${ratio(cpu('charter', c), cpu('floor', c))}`).join(', ')})`,
      verdict(worstVsFloor <= 1.5),
    ],
    [
      'charter at least 5x faster than openapi-backend (least case)',
      `${leastVsBackend.toFixed(2)}x (${CASES.map((c) => `${c} ${ratio(cpu('openapi-backend', c), cpu('charter', c))}`).join(', ')})`,
      verdict(leastVsBackend >= 5),
    ],
  ]);

  const overFloor = CASES.filter((c) => cpu('charter', c) / cpu('floor', c) > 1.5);
  const underBackend = CASES.filter((c) => cpu('openapi-backend', c) / cpu('charter', c) < 5);
  const misses = [
    overFloor.length > 0
      ? `**1.5x the floor is missed for ${overFloor.map((c) => `${c} (${ratio(cpu('charter', c), cpu('floor', c))}, ${us(cpu('charter', c) - cpu('floor', c))} over)`).join(', ')}.** Why: the floor checks its two operations inline; charter does the same work through generic parts. On valid requests that is turning the API Gateway event into the transport-neutral request (a lower-cased copy of every header and query value), decoding each declared parameter per its style and explode, and one ajv call over \`{ path, query, header, cookie }\`. On invalid requests it is mostly the answer: ajv (allErrors) builds an error object per failure, charter maps each to a field error with location, name, JSON pointer and a readable message, and serialises an RFC 9457 problem (type, title, detail, instance, errors), about twice the bytes of the floor's list. What would close it: generated per-operation parameter decoders (straight-line code per declared parameter instead of the style switch at run time), and validators that build charter's field errors directly (ajv \`messages: false\` plus the location of each keyword known at generation time) instead of mapping ajv's error objects per request.`
      : '',
    underBackend.length > 0
      ? `**5x openapi-backend is missed for ${underBackend.map((c) => `${c} (${ratio(cpu('openapi-backend', c), cpu('charter', c))})`).join(', ')}.** openapi-backend is slowest on valid requests (it clones and re-parses the request around validation) and fails fast on invalid ones, so the margin is thinnest exactly where charter builds its fullest answer; the same two changes would close it.`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  const ajv = await runJson<{
    allErrors: { valid: number; invalid: number };
    fastFirst: { valid: number; invalid: number };
  }>('bench/workers/ajv-modes.ts');
  const ajvTable = table([
    ['ajv mode on the bench body', 'valid body', 'invalid body (4 failing fields)'],
    ['allErrors: true (what charter generates)', us(ajv.allErrors.valid), us(ajv.allErrors.invalid)],
    ['fast first, allErrors only on failure', us(ajv.fastFirst.valid), us(ajv.fastFirst.invalid)],
  ]);

  const markdown = `CPU time per request (median of ${ROUNDS} interleaved rounds in a fresh process per implementation: ${WARMUP_MS} ms of warm-up per event, then ${MEASURE_MS} ms of CPU time per event and round), and in brackets the ratio to the hand-written floor. Every implementation answers the same API Gateway REST (payload 1.0) events: \`POST /orders\` (JSON body, bearer scope from the authorizer's claims) and \`GET /items/{itemId}?fields=…&limit=…&includeArchived=…\` (path + query), one valid and one invalid event each; all of them return identical 201/200 bodies (checked) from the same handler logic (bench/fixtures/bench-api/handlers/bench/logic.ts) and a 400 listing the failing fields. Contract: bench/fixtures/bench-api/contracts/bench/openapi.yaml (OpenAPI 3.0). charter runs from the bundles \`charter bundle\` builds; request logs are off (\`LOG_LEVEL=warn\`) everywhere except the row that says so, since no peer writes one. CPU time rather than wall time, because this 2-core machine is shared: wall time also counts other processes' turns (the wall-clock table follows).

${table([['implementation', ...CASES, 'peak RSS'], ...rows])}

${targets}

${misses}

What the changes measured here bought: the first run of this suite measured charter at 1.12x, 2.57x, 1.70x and 4.79x the floor (same order of events) and at least 3.6x faster than openapi-backend. Since then the core answers without a promise hop unless a step is really asynchronous, reads \`LOG_LEVEL\` once instead of per request (a child logger per request read \`process.env\`), makes a request's logger only when something logs, answers a 400 instead of throwing it, builds problems without capturing stack traces (an HTTP error is an answer, not a fault), and converts events and field errors without intermediate arrays.

Wall-clock µs per request, same runs:

${table([['implementation', ...CASES], ...wallRows])}

Validating fast first would not pay: on a valid body both ajv modes do the same checks, and an invalid body needs the full list anyway (CPU µs per call):

${ajvTable}`;
  return { title: 'Request overhead (Lambda adapter end to end)', markdown };
}

/** Every implementation must answer the valid events with the same bodies: same work, same result. */
function checkSameAnswers(samples: Map<string, WorkerResult[]>): void {
  const floor = samples.get('floor')?.[0];
  for (const [key, runs] of samples) {
    for (const c of ['POST valid', 'GET valid'] as const) {
      const want = JSON.stringify(floor?.results[c].body);
      const got = JSON.stringify(runs[0].results[c].body);
      if (got !== want) throw new Error(`${key} answered ${c} with ${got}, the floor with ${want}`);
    }
  }
}
