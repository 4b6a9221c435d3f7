/**
 * Compares generated files with what is on disk, and replaces a context's folder atomically:
 * everything is written to a sibling folder first and swapped in with renames, so an
 * interrupted run never leaves a half-written `generated/<ctx>`.
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { GeneratedFile } from '../emit/generated-file.ts';

export interface Drift {
  /** Files whose content differs from what would be generated, or that are missing. */
  readonly stale: readonly string[];
  /** Files in the folder that generation would no longer produce. */
  readonly extra: readonly string[];
}

/** @example const drift = await findDrift('/repo', 'generated/orders', files); */
export async function findDrift(
  root: string,
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<Drift> {
  const existing = new Set(await listFiles(join(root, outDir), root));
  const stale: string[] = [];
  for (const file of files) {
    existing.delete(file.path);
    const current = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
    if (current !== file.contents) stale.push(file.path);
  }
  return { stale, extra: [...existing].sort() };
}

/** Replaces `outDir` with exactly `files`. */
export async function replaceFolder(
  root: string,
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<void> {
  const target = join(root, outDir);
  const staging = `${target}.next-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  for (const file of files) {
    const path = join(staging, relative(outDir, file.path));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.contents);
  }
  await mkdir(dirname(target), { recursive: true });
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}

async function listFiles(dir: string, root: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}
