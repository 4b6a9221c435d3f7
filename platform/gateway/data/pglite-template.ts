/**
 * A new PGlite directory is a copy of an empty, initialised one. Initialising (initdb, in
 * WebAssembly) takes seconds of CPU for every context of every fresh project and test; copying
 * the result takes a fraction of one. The template is kept per PGlite version in the OS temp
 * directory and built on first need.
 * @module
 */
import { cp, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

type PGliteClass = typeof PGlite;

/**
 * Fills `dataDir` from the template unless it already holds a database.
 * @returns false when it could not (the caller lets PGlite initialise the directory itself)
 * @example if (!(await initialiseFromTemplate(dataDir, PGlite))) console.log('initialising in place');
 */
export async function initialiseFromTemplate(dataDir: string, pglite: PGliteClass): Promise<boolean> {
  if (await exists(join(dataDir, 'PG_VERSION'))) return true;
  try {
    const template = await templateDir(pglite);
    // PG_VERSION marks a database as present, so it goes last: a copy cut short is redone.
    const marker = join(template, 'PG_VERSION');
    await cp(template, dataDir, { recursive: true, filter: (source) => source !== marker });
    await cp(marker, join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    // Only a speed-up: an unwritable temp directory must not stop anyone from working.
    return false;
  }
}

async function templateDir(pglite: PGliteClass): Promise<string> {
  const dir = join(tmpdir(), `charter-pglite-template-${await pgliteVersion()}-${userInfo().username}`);
  if (await exists(join(dir, 'PG_VERSION'))) return dir;
  // Built aside and renamed into place, so no one ever copies a half-built template; when two
  // processes race, the first rename wins and the other's copy is dropped.
  const building = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await mkdir(building, { recursive: true });
  try {
    const db = await pglite.create(building);
    await db.close();
    await rename(building, dir);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (!(await exists(join(dir, 'PG_VERSION')))) throw error;
  }
  return dir;
}

async function pgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
