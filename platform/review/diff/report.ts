/**
 * The result of comparing one context (or two files): its changes and the version bump they
 * need. Every output format reads these.
 * @module
 */
import { type Change, compareChanges } from './change.ts';
import { failsRelease, type VersionBump, versionBump } from './semver.ts';

export interface ContextReport {
  /** The context name in `--base` mode; undefined when two files were compared. */
  readonly context?: string;
  readonly changes: readonly Change[];
  readonly versionBump: VersionBump;
  /** Breaking changes without the major bump they need: exit code 1. */
  readonly fails: boolean;
}

/** @example reportFor('orders', changes, '1.0.0', '2.0.0') */
export function reportFor(
  context: string | undefined,
  changes: readonly Change[],
  from: string,
  to: string,
): ContextReport {
  const sorted = [...changes].sort(compareChanges);
  return {
    context,
    changes: sorted,
    versionBump: versionBump(from, to, sorted),
    fails: failsRelease(sorted, from, to),
  };
}

/**
 * A context that exists only in the head: an addition, never breaking.
 * @example addedContext('shipping', 'contracts/shipping/openapi.yaml', '0.1.0')
 */
export function addedContext(context: string, file: string, version: string): ContextReport {
  const change: Change = {
    id: 'context-added',
    level: 'info',
    message: `new context ${context} (${file})`,
    operation: 'contract',
    pointer: '',
    addition: true,
  };
  return {
    context,
    changes: [change],
    versionBump: { from: '', to: version, required: 'minor', ok: true },
    fails: false,
  };
}

/**
 * A context that exists only in the base: every client of it breaks.
 * @example removedContext('orders', 'contracts/orders/openapi.yaml', '1.4.0')
 */
export function removedContext(context: string, file: string, version: string): ContextReport {
  const change: Change = {
    id: 'context-removed',
    level: 'breaking',
    message: `context ${context} removed (${file} is gone)`,
    operation: 'contract',
    pointer: '',
    addition: false,
  };
  return {
    context,
    changes: [change],
    versionBump: { from: version, to: '', required: 'major', ok: false },
    fails: true,
  };
}

/**
 * Counts per level, for summary lines.
 * @example tally(changes) // { breaking: 1, warning: 0, info: 3 }
 */
export function tally(changes: readonly Change[]): { breaking: number; warning: number; info: number } {
  const count = { breaking: 0, warning: 0, info: 0 };
  for (const change of changes) count[change.level]++;
  return count;
}
