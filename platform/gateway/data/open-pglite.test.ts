import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError } from './data-dir-lock.ts';
import { openPglite } from './open-pglite.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'charter-pglite-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('openPglite', () => {
  it('creates the directory and keeps committed data across close and reopen', async () => {
    const dataDir = join(root, 'data', 'orders');
    const first = await openPglite(dataDir);
    await first.exec('CREATE TABLE notes (body text)');
    await first.transaction((tx) => tx.query('INSERT INTO notes VALUES ($1)', ['kept']));
    await expect(
      first.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES ($1)', ['rolled back']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await first.close();

    const again = await openPglite(dataDir);
    expect(await again.query('SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
    await again.close();
  });

  it('fails if another live process holds the directory, naming it', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      await writeFile(join(root, 'charter.lock'), JSON.stringify({ pid: holder.pid, token: 'other' }));
      await expect(openPglite(root)).rejects.toThrow(DataDirInUseError);
      await expect(openPglite(root)).rejects.toThrow(`in use by another process (pid ${holder.pid})`);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock whose process is gone, and releases it on close', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((exited) => gone.on('exit', exited));
    await writeFile(join(root, 'charter.lock'), JSON.stringify({ pid: gone.pid, token: 'stale' }));
    const db = await openPglite(root);
    expect(JSON.parse(await readFile(join(root, 'charter.lock'), 'utf8')).pid).toBe(process.pid);
    await db.close();
    await expect(readFile(join(root, 'charter.lock'))).rejects.toThrow(/ENOENT/);
  });
});
