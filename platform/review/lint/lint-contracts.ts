/**
 * `charter lint`: Redocly's lint with the house ruleset and the platform rules, over every
 * context (or those named), as positioned findings.
 * @module
 */
import { join, relative } from 'node:path';
import { getLineColLocation, lint } from '@redocly/openapi-core';
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { NOTE_RULES } from './charter-plugin.ts';
import { type LintTarget, lintConfigFor } from './house-config.ts';

export type FindingSeverity = 'error' | 'warning' | 'note';

export interface LintFinding {
  /** Relative to the repository root: the file of a split contract the problem is in. */
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
}

export type LintRun =
  | { readonly ok: true; readonly findings: LintFinding[]; readonly contracts: string[] }
  | { readonly ok: false; readonly problems: string[] };

/**
 * Lints one contract file.
 * @example const findings = await lintFile('/repo', '/repo/contracts/orders/openapi.yaml', { context: 'orders' });
 */
export async function lintFile(root: string, file: string, target: LintTarget = {}): Promise<LintFinding[]> {
  // Redocly reads this before sending anything anywhere; the house config says the same.
  process.env.REDOCLY_TELEMETRY = 'off';
  const config = await lintConfigFor(root, target);
  const problems = await lint({ ref: file, config });
  const findings: LintFinding[] = [];
  for (const problem of problems) {
    if (problem.ignored) continue;
    const location = problem.location[0];
    const position = location ? getLineColLocation(location) : undefined;
    findings.push({
      file: relative(root, location?.source.absoluteRef ?? file) || file,
      line: position?.start.line ?? 1,
      col: position?.start.col ?? 1,
      ruleId: problem.ruleId,
      severity: NOTE_RULES.has(problem.ruleId) ? 'note' : problem.severity === 'error' ? 'error' : 'warning',
      message: problem.message,
    });
  }
  return findings.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.ruleId.localeCompare(b.ruleId),
  );
}

/**
 * Lints every context under `contracts/` (or those named).
 * @example const run = await lintContexts(process.cwd(), ['orders']);
 */
export async function lintContexts(root: string, names: readonly string[]): Promise<LintRun> {
  const available = findContexts(root);
  const unknown = names.filter((n) => !available.some((c) => c.name === n));
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: [
        `no contract for ${unknown.map((u) => `"${u}"`).join(', ')} (looked for contracts/<ctx>/openapi.yaml; found: ${available.map((c) => c.name).join(', ') || 'none'})`,
      ],
    };
  }
  const selected = names.length > 0 ? available.filter((c) => names.includes(c.name)) : available;
  if (selected.length === 0)
    return { ok: false, problems: ['no contracts found under contracts/<ctx>/openapi.yaml'] };
  const findings: LintFinding[] = [];
  for (const context of selected) {
    const handlersDir = join(root, 'handlers', context.name);
    findings.push(
      ...(await lintFile(root, context.contractFile, {
        context: context.name,
        handlersDir,
        shownHandlersDir: relative(root, handlersDir),
      })),
    );
  }
  return { ok: true, findings, contracts: selected.map((c) => relative(root, c.contractFile)) };
}

/** @example formatFinding(f) // 'contracts/orders/openapi.yaml:12:7 operation-operationId Operation object should contain `operationId` field.' */
export function formatFinding(finding: LintFinding): string {
  return `${finding.file}:${finding.line}:${finding.col} ${finding.ruleId} ${finding.message}`;
}
