/**
 * `charter diff --format markdown`: the pull-request comment. One summary line, then breaking
 * changes first, grouped by operation, with the version bump they need. GitHub refuses
 * comments over 65,536 characters, so long reports are cut with a pointer to the full list.
 * @module
 */
import type { Change, Level } from '../change.ts';
import type { ContextReport } from '../report.ts';
import { tally } from '../report.ts';

/**
 * Marks the comment so CI updates it instead of adding another.
 * @example comments.find((c) => c.body.includes(COMMENT_MARKER))
 */
export const COMMENT_MARKER = '<!-- charter-diff -->';

/** @default 60_000 characters, under GitHub's limit with room for the marker and the cut notice. */
const BUDGET = 60_000;

const TITLES: Record<Level, string> = {
  breaking: 'Breaking changes',
  warning: 'Warnings',
  info: 'Other changes',
};

/** @example formatMarkdown([report]) */
export function formatMarkdown(reports: readonly ContextReport[], budget = BUDGET): string {
  const out: string[] = [COMMENT_MARKER, summary(reports), ''];
  let used = out.join('\n').length;
  let cut = 0;
  const push = (line: string) => {
    if (used + line.length + 1 > budget) {
      cut++;
      return;
    }
    out.push(line);
    used += line.length + 1;
  };
  for (const report of reports) {
    if (reports.length > 1 || report.context) push(`### \`${report.context}\` — ${contextLine(report)}`);
    for (const level of ['breaking', 'warning', 'info'] as const) {
      const changes = report.changes.filter((c) => c.level === level);
      if (changes.length === 0) continue;
      const fold = level === 'info';
      push(
        fold
          ? `<details><summary>${TITLES[level]} (${changes.length})</summary>\n`
          : `#### ${TITLES[level]} (${changes.length})`,
      );
      for (const [operation, group] of byOperation(changes)) {
        push(`\n**\`${operation}\`**`);
        for (const change of group) push(entry(change));
      }
      push(fold ? '\n</details>\n' : '');
    }
  }
  if (cut > 0) {
    out.push(
      `\n_… ${cut} more line(s) left out to fit a comment. Run \`npx charter diff\` locally for the full list._`,
    );
  }
  return out.join('\n');
}

function summary(reports: readonly ContextReport[]): string {
  const changes = reports.flatMap((r) => r.changes);
  const count = tally(changes);
  const failing = reports.filter((r) => r.fails).map((r) => r.context);
  const bumps = reports
    .filter((r) => r.versionBump.required !== 'none')
    .map(
      (r) =>
        `${r.context ? `\`${r.context}\` ` : ''}**${r.versionBump.required}**${r.versionBump.ok ? ' ✓' : ' ✗'}`,
    );
  const icon = failing.length > 0 ? '🔴' : count.breaking > 0 || count.warning > 0 ? '🟡' : '🟢';
  if (changes.length === 0) return `${icon} **charter diff**: no contract changes.`;
  const parts = [
    `${count.breaking} breaking`,
    `${count.warning} warning${count.warning === 1 ? '' : 's'}`,
    `${count.info} other`,
  ].join(', ');
  const verdict =
    failing.length === 0
      ? ''
      : failing.every((f) => f === undefined)
        ? ' — breaking changes without a major version bump'
        : ` — breaking without a major version bump in ${failing.map((f) => `\`${f}\``).join(', ')}`;
  return `${icon} **charter diff**: ${parts}; version bump needed: ${bumps.join(', ') || 'none'}${verdict}.`;
}

function contextLine(report: ContextReport): string {
  const count = tally(report.changes);
  const { from, to, required, ok } = report.versionBump;
  if (report.changes.length === 0) return 'no changes';
  const version = `\`${from || '(none)'}\` → \`${to || '(none)'}\``;
  const bump =
    required === 'none'
      ? 'no bump needed'
      : `needs a **${required}** bump; ${version} ${ok ? 'gives it ✓' : 'does not ✗'}`;
  return `${count.breaking} breaking, ${count.warning} warnings, ${count.info} other; ${bump}`;
}

function byOperation(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const group = groups.get(change.operation) ?? [];
    group.push(change);
    groups.set(change.operation, group);
  }
  return groups;
}

function entry(change: Change): string {
  const where = change.pointer ? ` <sub>\`#${change.pointer}\`</sub>` : '';
  return `- \`${change.id}\` ${change.message.replaceAll('\n', ' ')}${where}`;
}
