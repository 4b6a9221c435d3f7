/**
 * Reads a context's migration files (`handlers/<ctx>/migrations/NNN_name.sql`) from disk.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from './migrations.ts';

const FILE_NAME = /^(\d+)_[A-Za-z0-9_-]+\.sql$/;

/**
 * @returns the migrations in version order
 * @throws Error naming the file when a `.sql` file is not named `NNN_name.sql`, or two share a version
 * @example await readMigrations(new URL('./migrations/', import.meta.url))
 */
export async function readMigrations(dir: string | URL): Promise<Migration[]> {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  let files: string[];
  try {
    files = await readdir(path);
  } catch (error) {
    throw new Error(`No migrations directory at ${path}: ${(error as Error).message}`, { cause: error });
  }
  const migrations: Migration[] = [];
  const byVersion = new Map<number, string>();
  for (const name of files.filter((f) => f.endsWith('.sql')).sort()) {
    const match = FILE_NAME.exec(name);
    if (!match) {
      throw new Error(`${join(path, name)}: a migration is named NNN_name.sql (e.g. 002_add_tags.sql).`);
    }
    const version = Number(match[1]);
    const taken = byVersion.get(version);
    if (taken) throw new Error(`${join(path, name)}: version ${version} is already used by ${taken}.`);
    byVersion.set(version, name);
    migrations.push({ version, name, sql: await readFile(join(path, name), 'utf8') });
  }
  return migrations.sort((a, b) => a.version - b.version);
}
