/**
 * Embedded PostgreSQL for `charter dev`: one PGlite database per context in a local directory.
 * @module
 */
import { mkdir } from 'node:fs/promises';
import type { SqlClient } from '../../runtime/data/index.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { pgliteClient } from './pglite-client.ts';
import { initialiseFromTemplate } from './pglite-template.ts';

/**
 * Opens (creating on first use) the PGlite database in `dataDir`. A new directory starts as a
 * copy of an empty database made once per machine (initialising one takes seconds).
 * @throws DataDirInUseError when another process has the directory open
 * @example const db = await openPglite('.charter/data/orders'); ...; await db.close();
 */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  await mkdir(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    // Imported here, not at the top: this module is reachable from function code, and a Lambda
    // bundle (which marks PGlite external and does not ship it) must never load it.
    const { PGlite } = await import('@electric-sql/pglite');
    await initialiseFromTemplate(dataDir, PGlite);
    return pgliteClient(await PGlite.create(dataDir), release);
  } catch (error) {
    release();
    throw error;
  }
}
