/**
 * The version bump a set of changes needs, and whether the head's `info.version` gives it:
 * breaking changes need a major bump, additions a minor one, anything else a patch.
 * @module
 */
import type { Change } from './change.ts';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export interface VersionBump {
  readonly from: string;
  readonly to: string;
  readonly required: Bump;
  readonly ok: boolean;
}

/** @example requiredBump([]) // 'none' */
export function requiredBump(changes: readonly Change[]): Bump {
  if (changes.some((c) => c.level === 'breaking')) return 'major';
  if (changes.some((c) => c.addition)) return 'minor';
  return changes.length > 0 ? 'patch' : 'none';
}

interface Semver {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly pre: string;
}

/** @example parseSemver('2.3.0-rc.1') // { major: 2, minor: 3, patch: 0, pre: 'rc.1' } */
export function parseSemver(text: string): Semver | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ?? '' } : undefined;
}

/**
 * The bump `to` is over `from`; `undefined` when either is not semver.
 * @example actualBump('1.4.2', '2.0.0') // 'major'
 */
export function actualBump(from: string, to: string): Bump | undefined {
  const a = parseSemver(from);
  const b = parseSemver(to);
  if (!a || !b) return undefined;
  if (b.major !== a.major) return b.major > a.major ? 'major' : 'none';
  if (b.minor !== a.minor) return b.minor > a.minor ? 'minor' : 'none';
  if (b.patch !== a.patch) return b.patch > a.patch ? 'patch' : 'none';
  // 1.2.0-rc.1 → 1.2.0 releases what was announced: a patch-sized step.
  return a.pre !== b.pre && (b.pre === '' || b.pre > a.pre) ? 'patch' : 'none';
}

/**
 * @example versionBump('1.0.0', '1.1.0', changes) // { from: '1.0.0', to: '1.1.0', required: 'minor', ok: true }
 */
export function versionBump(from: string, to: string, changes: readonly Change[]): VersionBump {
  const required = requiredBump(changes);
  const actual = actualBump(from, to);
  // Versions that are not semver (Stripe's dates) can show that something changed, never how much.
  const given: Bump = actual ?? (from !== to ? 'minor' : 'none');
  return { from, to, required, ok: RANK[given] >= RANK[required] };
}

/**
 * Exit code rule of DESIGN.md: breaking changes without a major bump fail.
 * @example failsRelease(changes, '1.2.0', '2.0.0') // false
 */
export function failsRelease(changes: readonly Change[], from: string, to: string): boolean {
  return changes.some((c) => c.level === 'breaking') && actualBump(from, to) !== 'major';
}
