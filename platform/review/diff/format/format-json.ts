/**
 * `charter diff --format json`: exactly one JSON object, in the shape DESIGN.md fixes.
 * @module
 */
import type { Change } from '../change.ts';
import type { ContextReport } from '../report.ts';
import type { Bump, VersionBump } from '../semver.ts';

const RANK: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

const plain = (change: Change, context?: string) => ({
  id: change.id,
  level: change.level,
  message: change.message,
  operation: change.operation,
  pointer: change.pointer,
  ...(context !== undefined && { context }),
});

/**
 * One report prints `{changes, versionBump}`. Several (`--base` over many contexts) add
 * `context` to each change, a `contexts` list with each one's own `versionBump`, and an overall
 * `versionBump` whose `from`/`to` name each context's version.
 * @example formatJson([report]) // '{"changes":[],"versionBump":{...}}'
 */
export function formatJson(reports: readonly ContextReport[]): string {
  if (reports.length === 1 && reports[0].context === undefined) {
    const [report] = reports;
    return JSON.stringify(
      { changes: report.changes.map((c) => plain(c)), versionBump: report.versionBump },
      null,
      2,
    );
  }
  const overall: VersionBump = {
    from: reports.map((r) => `${r.context}@${r.versionBump.from || '(none)'}`).join(', '),
    to: reports.map((r) => `${r.context}@${r.versionBump.to || '(none)'}`).join(', '),
    required: RANK[Math.max(0, ...reports.map((r) => RANK.indexOf(r.versionBump.required)))],
    ok: reports.every((r) => r.versionBump.ok),
  };
  return JSON.stringify(
    {
      changes: reports.flatMap((r) => r.changes.map((c) => plain(c, r.context))),
      versionBump: overall,
      contexts: reports.map((r) => ({ context: r.context, versionBump: r.versionBump })),
    },
    null,
    2,
  );
}
