/**
 * `charter generate [--check] [ctx...]`: regenerates every context (or those named). All
 * contexts are generated in memory first; if any contract has errors, every problem is printed
 * and nothing is written.
 * @module
 */
import { performance } from 'node:perf_hooks';
import type { ContextOutput } from '../../codegen/generate.ts';
import { formatProblem } from '../../codegen/model/problems.ts';
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { isUnchanged, recordGeneration } from '../../codegen/write/generation-record.mjs';
import { syncContextOutput } from '../../codegen/write/sync-output.ts';
import { parseArgs } from '../args.ts';

export async function runGenerate(argv: string[], root: string): Promise<number> {
  const { positionals, flags } = parseArgs(argv);
  const check = flags.has('check');
  const available = findContexts(root);
  const unknown = positionals.filter((name) => !available.some((c) => c.name === name));
  if (unknown.length > 0) {
    console.error(
      `charter generate: no contract for ${unknown.map((u) => `"${u}"`).join(', ')} ` +
        `(looked for contracts/<ctx>/openapi.yaml; found: ${available.map((c) => c.name).join(', ') || 'none'})`,
    );
    return 2;
  }
  const selected = positionals.length > 0 ? available.filter((c) => positionals.includes(c.name)) : available;
  if (selected.length === 0) {
    console.error('charter generate: no contracts found under contracts/<ctx>/openapi.yaml');
    return 2;
  }

  const started = performance.now();
  const outputs: ContextOutput[] = [];
  for (const source of selected) {
    const t0 = performance.now();
    if (await isUnchanged(root, source.name)) {
      progress(
        `${source.name}: unchanged since the last run (contract, config, generator and output hashes match)`,
      );
      continue;
    }
    // Loaded only when a context needs generating: the generator's libraries take longer to
    // import than an unchanged repository takes to check.
    const { generateContext } = await import('../../codegen/generate.ts');
    const output = await generateContext(root, source);
    outputs.push(output);
    const operations = output.model?.operations.length ?? 0;
    progress(`${source.name}: ${operations} operations, ${output.files.length} files (${ms(t0)})`);
  }

  const problems = outputs.flatMap((o) => o.problems);
  for (const problem of problems) console.error(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    console.error(`\ncharter generate: ${errors} error(s); nothing was written.`);
    return 1;
  }

  let changed = 0;
  for (const output of outputs) {
    const drift = await syncContextOutput(root, output, { check });
    const differing = drift.stale.length + drift.extra.length;
    changed += differing;
    if (check) {
      for (const path of drift.stale) console.error(`stale: ${path}`);
      for (const path of drift.extra) console.error(`stale (no longer generated): ${path}`);
    } else {
      if (differing > 0) {
        progress(`${output.context}: wrote ${output.folders.join(' and ')} (${differing} file(s) changed)`);
      }
      await recordGeneration(root, output);
    }
  }
  if (check && changed > 0) {
    console.error(
      `\ncharter generate --check: ${changed} generated file(s) are stale. Run \`npx charter generate\` and commit.`,
    );
    return 1;
  }
  progress(check ? `generated code is up to date (${ms(started)})` : `done (${ms(started)})`);
  return 0;
}

function progress(line: string): void {
  console.error(`charter generate: ${line}`);
}

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}
