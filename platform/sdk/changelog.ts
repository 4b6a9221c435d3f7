/**
 * The CHANGELOG entry `charter sdk pack` writes: what changed in the contract since the
 * previously packed version, from `charter diff` (breaking first), or — when the diff cannot
 * compare the two — the operations added and removed.
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractModel } from '../codegen/model/model.ts';
import type { Change, ContextReport } from '../review/index.ts';

export interface Previous {
  readonly version: string;
  /** The bundled contract that version was packed from (its `openapi.json`). */
  readonly contract: Record<string, unknown>;
  /** Its CHANGELOG.md, whose entries follow the new one. */
  readonly changelog: string;
}

const TITLE = /^# .*\n+/;

/**
 * The whole CHANGELOG.md: a title, the new entry, then the previous version's entries.
 * @param contractFile the current contract, absolute
 * @example await changelog(model, '@shop/catalog-sdk', '1.1.0', '/repo/contracts/catalog/openapi.yaml', '/repo', previous)
 */
export async function changelog(
  model: ContractModel,
  name: string,
  version: string,
  contractFile: string,
  root: string,
  previous: Previous | undefined,
): Promise<string> {
  const entry = previous ? await changesSince(model, contractFile, root, previous) : firstEntry(model);
  const older = previous ? previous.changelog.replace(TITLE, '').trim() : '';
  return `# Changelog of ${name}\n\n## ${version}\n\n${entry.trim()}\n${older ? `\n${older}\n` : ''}`;
}

function firstEntry(model: ContractModel): string {
  const list = operationList(
    model.operations.map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`),
  );
  return `First packed version of ${model.title}, with ${model.operations.length} operation(s):\n\n${list}`;
}

async function changesSince(
  model: ContractModel,
  contractFile: string,
  root: string,
  previous: Previous,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-changelog-'));
  try {
    const baseFile = join(dir, 'openapi.json');
    writeFileSync(baseFile, JSON.stringify(previous.contract));
    const diff = await loadDiff();
    if (typeof diff === 'string')
      return `${fromOperations(model, previous)}\n\n_${diff}; only added and removed operations are listed._`;
    const run = await diff(baseFile, contractFile, root);
    if (run.ok) return fromDiff(run.reports[0], previous.version);
    return `${fromOperations(model, previous)}\n\n_charter diff could not compare the contracts (${run.problems.join('; ')}); only added and removed operations are listed._`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The review module's `diffFiles`, or why it is not available. Loaded on demand so that a
 * broken or missing diff engine degrades the changelog instead of stopping every pack.
 */
async function loadDiff(): Promise<typeof import('../review/index.ts').diffFiles | string> {
  try {
    return (await import('../review/index.ts')).diffFiles;
  } catch (error) {
    return `charter diff is not available (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

function fromDiff(report: ContextReport | undefined, since: string): string {
  if (!report || report.changes.length === 0) return `No contract changes since ${since}.`;
  const { required, ok, to } = report.versionBump;
  const bump =
    required === 'none'
      ? ''
      : ` The changes need a ${required} version bump; ${since} → ${to} ${ok ? 'gives it' : '**does not**'}.`;
  const lines = [`Contract changes since ${since}, from \`charter diff\`:${bump}`, ''];
  for (const level of ['breaking', 'warning', 'info'] as const) {
    const changes = report.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    lines.push(`### ${{ breaking: 'Breaking', warning: 'Warnings', info: 'Other changes' }[level]}`, '');
    lines.push(...changes.map(changeLine), '');
  }
  return lines.join('\n');
}

function changeLine(change: Change): string {
  return `- \`${change.operation}\`: ${change.message.replaceAll('\n', ' ')} (\`${change.id}\`)`;
}

/** Added and removed operations, compared by method and path. */
function fromOperations(model: ContractModel, previous: Previous): string {
  const before = new Map<string, string>();
  const paths = (previous.contract.paths ?? {}) as Record<string, Record<string, { operationId?: string }>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if (op && typeof op === 'object' && 'responses' in op)
        before.set(`${method.toUpperCase()} ${path}`, op.operationId ?? '');
    }
  }
  const after = new Map(
    model.operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.operationId]),
  );
  const added = [...after].filter(([key]) => !before.has(key)).map(([key, id]) => `${id} (${key})`);
  const removed = [...before].filter(([key]) => !after.has(key)).map(([key, id]) => `${id || key} (${key})`);
  if (added.length + removed.length === 0) return `No operations added or removed since ${previous.version}.`;
  const out: string[] = [`Operations added and removed since ${previous.version}:`];
  if (removed.length > 0) out.push('', '### Removed (breaking)', '', operationList(removed));
  if (added.length > 0) out.push('', '### Added', '', operationList(added));
  return out.join('\n');
}

function operationList(items: readonly string[]): string {
  return [...items]
    .sort()
    .map((item) => `- \`${item.replace(/ \(/, '` (')}`)
    .join('\n');
}
