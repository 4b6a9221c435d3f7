/**
 * One implementation, in its own fresh process: checks it answers every bench event as the
 * contract says, then times each event over interleaved rounds (CPU µs per request, sequential
 * awaits, fresh events).
 * Usage: request-overhead.ts <implementation> <warmupMs> <measureMs> <rounds>
 */
import { performance } from 'node:perf_hooks';
import { benchProject } from '../lib/bench-project.ts';
import { writeResult } from '../lib/child.ts';
import { benchCases } from '../lib/events.ts';
import { createCharter } from '../peers/charter.ts';
import { createFloor } from '../peers/floor.ts';
import { createMiddy } from '../peers/middy.ts';
import { createOpenApiBackend } from '../peers/openapi-backend.ts';
import { createPowertools } from '../peers/powertools.ts';
import { type Implementation, LAMBDA_CONTEXT } from '../peers/types.ts';

const [name, warmupArg, measureArg, roundsArg] = process.argv.slice(2);
const warmupMs = Number(warmupArg);
const measureMs = Number(measureArg);

const factories: Record<string, () => Promise<Implementation>> = {
  floor: createFloor,
  'openapi-backend': () => createOpenApiBackend(false),
  powertools: createPowertools,
  middy: createMiddy,
  charter: async () => createCharter(await benchProject()),
  'charter-lith': async () => createCharter(await benchProject(), true),
};

const implementation = await factories[name]();
const BATCH = 256;
const rounds = Number(roundsArg);
const cases = benchCases().map((benchCase) => ({
  benchCase,
  entry: implementation.entry(benchCase.operation),
  template: JSON.stringify(benchCase.event),
  cpu: [] as number[],
  wall: [] as number[],
  first: undefined as { statusCode: number; body: string } | undefined,
}));

// CPU time, not wall time, is what a request costs: on a shared machine wall time also counts
// the moments another process had the core. Events are made outside the timed loop.
async function measure(entry: (typeof cases)[number]['entry'], template: string, budgetMs: number) {
  let cpuUs = 0;
  let wallMs = 0;
  let count = 0;
  while (cpuUs < budgetMs * 1000) {
    const events = Array.from({ length: BATCH }, () => JSON.parse(template));
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (const event of events) await entry(event, LAMBDA_CONTEXT);
    wallMs += performance.now() - t0;
    const used = process.cpuUsage(cpu);
    cpuUs += used.user + used.system;
    count += BATCH;
  }
  return { cpu: cpuUs / count, wall: (wallMs * 1000) / count };
}

for (const c of cases) {
  c.first = await c.entry(JSON.parse(c.template), LAMBDA_CONTEXT);
  if (c.first.statusCode !== c.benchCase.status) {
    throw new Error(
      `${implementation.name}: ${c.benchCase.name} answered ${c.first.statusCode}, not ${c.benchCase.status}: ${c.first.body}`,
    );
  }
  await measure(c.entry, c.template, warmupMs);
}
// Rounds interleave the events, so a slow moment of the machine spreads over all of them.
for (let round = 0; round < rounds; round++) {
  for (const c of cases) {
    const { cpu, wall } = await measure(c.entry, c.template, measureMs);
    c.cpu.push(cpu);
    c.wall.push(wall);
  }
}
writeResult({
  name: implementation.name,
  results: Object.fromEntries(
    cases.map((c) => [
      c.benchCase.name,
      {
        cpuUsPerOp: c.cpu,
        wallUsPerOp: c.wall,
        status: c.first?.statusCode,
        body: (c.first?.statusCode ?? 500) < 300 ? JSON.parse(c.first?.body ?? 'null') : undefined,
      },
    ]),
  ),
});
