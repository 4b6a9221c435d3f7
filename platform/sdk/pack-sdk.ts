/**
 * `charter sdk pack` for one context: checks that `sdk/<ctx>` is what the contract gives,
 * writes the changelog entry, compiles, and `npm pack`s into `dist/sdk/`.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateContext } from '../codegen/generate.ts';
import { formatProblem } from '../codegen/model/problems.ts';
import type { ContextSource } from '../codegen/parse/find-contexts.ts';
import { findDrift } from '../codegen/write/write-output.ts';
import { buildPackage } from './build-package.ts';
import { changelog, type Previous } from './changelog.ts';
import { npm, npmError } from './npm.ts';
import { PACK_DIR, previousTarball, readSdkPackage, tarballName } from './sdk-package.ts';
import { integrityOf, readTarball } from './tarball.ts';

export interface PackResult {
  readonly context: string;
  readonly name: string;
  readonly version: string;
  /** The tarball, relative to the root. */
  readonly file: string;
  readonly integrity: string;
  readonly bytes: number;
  readonly files: number;
  /** The version the changelog entry compares with; undefined for a first pack. */
  readonly since?: string;
  /** This pack's CHANGELOG entry, without its heading. */
  readonly entry: string;
  /** A tarball of the same version was there already: with the same bytes, or different ones. */
  readonly replaced?: 'identical' | 'different';
}

/** A reason the SDK cannot be packed, worded for the user. @example throw new PackError('sdk/catalog is stale; run ...'); */
export class PackError extends Error {
  override name = 'PackError';
}

/** @example const packed = await packSdk('/repo', { name: 'catalog', contractFile: '/repo/contracts/catalog/openapi.yaml' }); */
export async function packSdk(root: string, source: ContextSource): Promise<PackResult> {
  const sdkDir = `sdk/${source.name}`;
  const output = await generateContext(root, source);
  const errors = output.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !output.model) throw new PackError(errors.map(formatProblem).join('\n'));
  const drift = await findDrift(
    root,
    sdkDir,
    output.files.filter((f) => f.path.startsWith(`${sdkDir}/`)),
  );
  const stale = [...drift.stale, ...drift.extra];
  if (stale.length > 0) {
    throw new PackError(
      `${sdkDir} is not what the contract gives (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}); ` +
        'run `npx charter generate` and commit, then pack',
    );
  }
  const pkg = readSdkPackage(root, source.name);
  if (!pkg) throw new PackError(`${sdkDir}/package.json is missing; run \`npx charter generate\``);

  const outDir = join(root, PACK_DIR);
  mkdirSync(outDir, { recursive: true });
  const previous = readPrevious(outDir, pkg.name, pkg.version);
  const log = await changelog(output.model, pkg.name, pkg.version, source.contractFile, root, previous);
  const stage = join(outDir, '.build', source.name);
  buildPackage({
    source: join(root, sdkDir),
    stage,
    extra: { 'CHANGELOG.md': log, 'openapi.json': `${JSON.stringify(output.model.bundled, null, 2)}\n` },
  });

  const target = join(outDir, tarballName(pkg.name, pkg.version));
  const before = existsSync(target) ? integrityOf(target) : undefined;
  const packed = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], {
    cwd: stage,
  });
  rmSync(stage, { recursive: true, force: true });
  if (readdirSync(join(outDir, '.build')).length === 0) rmdirSync(join(outDir, '.build'));
  if (packed.code !== 0) throw new PackError(`npm pack failed: ${npmError(packed)}`);
  const [info] = JSON.parse(packed.stdout) as {
    filename: string;
    integrity: string;
    size: number;
    files: unknown[];
  }[];
  return {
    context: source.name,
    name: pkg.name,
    version: pkg.version,
    file: relative(root, target),
    integrity: info.integrity,
    bytes: info.size,
    files: info.files.length,
    since: previous?.version,
    entry: entryOf(log, pkg.version),
    replaced: before === undefined ? undefined : before === info.integrity ? 'identical' : 'different',
  };
}

function readPrevious(dir: string, name: string, version: string): Previous | undefined {
  const found = previousTarball(dir, name, version);
  if (!found) return undefined;
  const files = readTarball(found.file);
  const contract = files.get('openapi.json');
  if (!contract) return undefined;
  return {
    version: found.version,
    contract: JSON.parse(contract.toString('utf8')),
    changelog: files.get('CHANGELOG.md')?.toString('utf8') ?? '',
  };
}

function entryOf(log: string, version: string): string {
  const start = log.indexOf(`## ${version}\n`);
  const rest = log.slice(start).split('\n').slice(1).join('\n');
  const next = rest.search(/^## /m);
  return (next === -1 ? rest : rest.slice(0, next)).trim();
}
