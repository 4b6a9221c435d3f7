/**
 * Keeps two processes from opening the same PGlite directory: embedded PostgreSQL has no server
 * to arbitrate, and two writers would corrupt it (two `charter dev` runs on one project, say).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'charter.lock';

/** Another live process holds the directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by another process (pid ${pid}); only one charter dev can use a project's data at a time. ` +
        `Stop that process, or delete ${join(dataDir, LOCK_FILE)} if it no longer runs.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Takes the directory's lock. A lock left by a process that has died, or by this process (a
 * worker thread the gateway terminated after a timeout), is taken over.
 * @returns a function releasing the lock, if it is still this holder's
 * @throws DataDirInUseError when another live process holds it
 * @example const release = lockDataDir(dataDir); try { ... } finally { release(); }
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const token = randomUUID();
  const holder = readHolder(file);
  if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
    throw new DataDirInUseError(dataDir, holder.pid);
  }
  writeFileSync(file, JSON.stringify({ pid: process.pid, token }));
  return () => {
    if (readHolder(file)?.token === token) rmSync(file, { force: true });
  };
}

function readHolder(file: string): { pid: number; token: string } | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8'));
    return typeof holder?.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
