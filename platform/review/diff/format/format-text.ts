/**
 * `charter diff --format text` (the default): a summary line per context, then one entry per
 * change, breaking first.
 * @module
 */
import type { ContextReport } from '../report.ts';
import { tally } from '../report.ts';

/** @example summaryLine(report) // 'orders: 1 breaking, 0 warnings, 2 other changes; needs a major version bump ...' */
export function summaryLine(report: ContextReport): string {
  const count = tally(report.changes);
  const { from, to, required, ok } = report.versionBump;
  const name = report.context ?? 'contract';
  if (report.changes.length === 0) return `${name}: no changes`;
  const counts = `${count.breaking} breaking, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} other`;
  const version = `info.version ${from || '(none)'} → ${to || '(none)'}`;
  const bump =
    required === 'none'
      ? 'no version bump needed'
      : `needs a ${required} version bump; ${version} ${ok ? 'gives it' : 'does not'}`;
  return `${name}: ${counts}; ${bump}`;
}

/** @example formatText([report]) */
export function formatText(reports: readonly ContextReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(summaryLine(report));
    for (const change of report.changes) {
      lines.push(`  ${change.level.padEnd(8)} ${change.operation}  ${change.id}`);
      lines.push(`           ${change.message}`);
      if (change.pointer) lines.push(`           at #${change.pointer}`);
    }
  }
  return lines.join('\n');
}
