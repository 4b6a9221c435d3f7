/**
 * Issue 7, measurement 4: type-checking cost. `tsc --noEmit` on one handler file against the
 * Stripe-size generated types (types.gen.ts, handlers.gen.ts), next to the same for a handler
 * of the example repository and for a file that imports nothing, so what the generated types
 * add is visible. Fresh tsc processes, the repository's compiler options.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK } from '../lib/bench-project.ts';
import { ensureOk, REPO, runNode } from '../lib/child.ts';
import { median, mibFromKib, ms, ratio, table } from '../lib/stats.ts';
import { stripeProject } from '../lib/stripe-project.ts';

const ROUNDS = 3;
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

interface Diagnostics {
  wallMs: number;
  cpuMs: number;
  maxRssKib: number;
  parseMs: number;
  bindMs: number;
  checkMs: number;
  memoryKib: number;
  types: number;
  instantiations: number;
  lines: number;
}

export default async function run(): Promise<{ title: string; markdown: string }> {
  const stripeRoot = await stripeProject();
  const dir = join(WORK, 'typecheck');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'empty.ts'), 'export const nothing = 0;\n');
  const files = [
    {
      name: 'one Stripe handler (GetCustomersCustomer) against generated/stripe',
      file: join(stripeRoot, 'handlers/stripe/get-customers-customer.ts'),
    },
    {
      name: 'one example-repository handler (orders getOrder) against generated/orders',
      file: join(REPO, 'handlers/orders/get-order.ts'),
    },
    { name: 'a file that imports nothing (tsc and @types/node alone)', file: join(dir, 'empty.ts') },
  ];
  const samples = new Map<string, Diagnostics[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const { name, file } of files) {
      const project = join(dir, 'tsconfig.json');
      writeFileSync(
        project,
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023'],
            types: ['node'],
            typeRoots: [join(REPO, 'node_modules', '@types')],
            strict: true,
            verbatimModuleSyntax: true,
            allowImportingTsExtensions: true,
            noEmit: true,
            skipLibCheck: true,
            isolatedModules: true,
          },
          files: [file],
        }),
      );
      const result = ensureOk(await runNode(TSC, ['-p', project, '--extendedDiagnostics']), `tsc ${name}`);
      const stat = (label: string) =>
        Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(result.stdout)?.[1]);
      samples.set(name, [
        ...(samples.get(name) ?? []),
        {
          wallMs: result.wallMs,
          cpuMs: result.cpuMs,
          maxRssKib: result.maxRssKib,
          parseMs: stat('Parse time') * 1000,
          bindMs: stat('Bind time') * 1000,
          checkMs: stat('Check time') * 1000,
          memoryKib: stat('Memory used'),
          types: stat('Types'),
          instantiations: stat('Instantiations'),
          lines: stat('Lines of TypeScript'),
        },
      ]);
    }
  }
  const m = (name: string, pick: (d: Diagnostics) => number) => median((samples.get(name) ?? []).map(pick));
  const small = files[1].name;
  const rows = files.map(({ name }) => [
    name,
    `**${ms(m(name, (d) => d.cpuMs))}**`,
    ratio(
      m(name, (d) => d.cpuMs),
      m(small, (d) => d.cpuMs),
    ),
    ms(m(name, (d) => d.wallMs)),
    `${ms(m(name, (d) => d.parseMs))} / ${ms(m(name, (d) => d.bindMs))} / ${ms(m(name, (d) => d.checkMs))}`,
    mibFromKib(m(name, (d) => d.maxRssKib)),
    mibFromKib(m(name, (d) => d.memoryKib)),
    m(name, (d) => d.lines).toLocaleString('en-US'),
    m(name, (d) => d.types).toLocaleString('en-US'),
    m(name, (d) => d.instantiations).toLocaleString('en-US'),
  ]);
  const [stripe, , empty] = files.map((f) => f.name);
  const addedCpu = m(stripe, (d) => d.cpuMs) - m(small, (d) => d.cpuMs);
  const addedRss = (m(stripe, (d) => d.maxRssKib) - m(small, (d) => d.maxRssKib)) / 1024;
  const markdown = `\`tsc -p <project> --noEmit --extendedDiagnostics\` (TypeScript from the repository), a fresh process per figure, median of ${ROUNDS} rounds; the project holds one file and the repository's compiler options (strict, NodeNext, skipLibCheck). CPU = user + system time of the tsc process (the figure to compare on this shared machine); the phase times are tsc's own wall clock. The Stripe handler imports \`Handlers\` from generated/stripe/handlers.gen.ts (one handler type per operation, 468 of them), which builds on types.gen.ts (openapi-typescript's rendering of the 4 MB contract, 2.8 MiB).

${table([['file checked', 'CPU', 'vs example handler', 'wall', 'parse / bind / check (tsc clock)', 'peak RSS', 'tsc memory', 'lines of TS', 'types', 'instantiations'], ...rows])}

Against a handler of the example repository, the Stripe-size generated types add ${ms(addedCpu)} of CPU and ${addedRss.toFixed(0)} MiB of peak memory to a whole-program check (tsc and @types/node alone account for ${ms(m(empty, (d) => d.cpuMs))}). \`tsc --noEmit\` checks every .ts file of the program, the generated ones included (skipLibCheck skips only .d.ts), so this is the upper bound; an editor's language service parses and binds the generated files once when the handler is opened and checks only what the open file uses. At this cost the generated types were not split per operation; if a larger contract makes it matter, emitting the type-only part as .d.ts (skipped by skipLibCheck) is the cheaper step before a per-operation split.`;
  return { title: 'Type-checking cost', markdown };
}
