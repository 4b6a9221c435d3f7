/**
 * The fuzz report as a person reads it: a summary line per context and class, then each failure
 * with the request that shows it.
 * @module
 */
import type { FuzzReport } from './run-fuzz.ts';

/** @example console.log(formatReport(report)) */
export function formatReport(report: FuzzReport): string {
  const lines = [
    `${report.context} (seed ${report.seed}): ` +
      (['valid', 'invalid', 'hostile'] as const)
        .map((k) => `${k} ${report.tally[k].sent - report.tally[k].failed}/${report.tally[k].sent} ok`)
        .join(', ') +
      `; ${report.healthyAfterwards ? 'still serving afterwards' : 'NOT serving afterwards'}`,
  ];
  if (report.skipped.length > 0)
    lines.push(`  no valid input could be generated for: ${report.skipped.join(', ')}`);
  for (const failure of report.failures) {
    lines.push(`  FAIL ${failure.operationId} [${failure.class}] ${failure.case}: ${failure.problem}`);
    lines.push(`       ${failure.request.method} ${failure.request.target}`);
    for (const [name, value] of Object.entries(failure.request.headers))
      lines.push(`       ${name}: ${String(value).slice(0, 120)}`);
    if (failure.request.body !== undefined)
      lines.push(`       ${String(failure.request.body).slice(0, 300)}`);
  }
  return lines.join('\n');
}
