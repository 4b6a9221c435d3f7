/**
 * Regenerates one context's code in place, as `charter generate <ctx>` does, for hot reload.
 * @module
 */
import { generateContext } from '../codegen/generate.ts';
import { formatProblem } from '../codegen/model/problems.ts';
import type { ContextSource } from '../codegen/parse/find-contexts.ts';
import { syncContextOutput } from '../codegen/write/sync-output.ts';

export type RegenerateResult = { ok: true; changed: number } | { ok: false; message: string };

export async function regenerateContext(root: string, source: ContextSource): Promise<RegenerateResult> {
  const output = await generateContext(root, source);
  const errors = output.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, message: errors.map(formatProblem).join('\n') };
  const drift = await syncContextOutput(root, output, { check: false });
  return { ok: true, changed: drift.stale.length + drift.extra.length };
}
