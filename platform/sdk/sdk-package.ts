/**
 * Where a context's SDK lives and where it is packed: `sdk/<ctx>/` (generated, committed) and
 * `dist/sdk/<scope>-<ctx>-sdk-<version>.tgz` (built by `charter sdk pack`).
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where packed tarballs go, relative to the repository root. */
export const PACK_DIR = 'dist/sdk';

export interface SdkPackage {
  readonly context: string;
  /** `sdk/<ctx>`, relative to the root. */
  readonly dir: string;
  readonly name: string;
  readonly version: string;
}

/** @example readSdkPackage('/repo', 'catalog') // { name: '@shop/catalog-sdk', version: '1.0.0', ... } */
export function readSdkPackage(root: string, context: string): SdkPackage | undefined {
  const file = join(root, 'sdk', context, 'package.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string };
  return { context, dir: `sdk/${context}`, name: manifest.name, version: manifest.version };
}

/** npm pack's file name for a package version. @example tarballName('@shop/catalog-sdk', '1.0.0') // 'shop-catalog-sdk-1.0.0.tgz' */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/**
 * The packed version just below `version` in `dir`: the one a changelog entry compares with.
 * @example previousTarball('/repo/dist/sdk', '@shop/catalog-sdk', '1.1.0') // { version: '1.0.0', file: '...' }
 */
export function previousTarball(
  dir: string,
  name: string,
  version: string,
): { readonly version: string; readonly file: string } | undefined {
  const prefix = tarballName(name, '').replace(/\.tgz$/, '');
  const older = (existsSync(dir) ? readdirSync(dir) : [])
    .filter((file) => file.startsWith(prefix) && file.endsWith('.tgz'))
    .map((file) => ({ version: file.slice(prefix.length, -'.tgz'.length), file: join(dir, file) }))
    .filter((packed) => /^\d+\.\d+\.\d+/.test(packed.version) && compareVersions(packed.version, version) < 0)
    .sort((a, b) => compareVersions(b.version, a.version));
  return older[0];
}

/**
 * Semantic version order; a pre-release sorts before its release.
 * @example compareVersions('1.10.0', '1.9.0') // 1
 */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA = ''] = a.split('+')[0].split(/-(.*)/s);
  const [coreB, preB = ''] = b.split('+')[0].split(/-(.*)/s);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (partsA[i] !== partsB[i]) return Math.sign(partsA[i] - partsB[i]);
  if (preA === preB) return 0;
  if (!preA || !preB) return preA ? -1 : 1;
  return preA.localeCompare(preB, 'en', { numeric: true });
}
