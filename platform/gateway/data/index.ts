/**
 * Local data for `charter dev`: PGlite (embedded PostgreSQL) behind the runtime's
 * {@link SqlClient}. Functions reach this only through a dynamic import taken when
 * `CHARTER_DATA_DIR` is set, which the gateway sets and Lambda never does.
 * @example
 * const { openPglite } = await import('@charter/platform/gateway/data');
 * const db = await openPglite(process.env.CHARTER_DATA_DIR);
 * @module
 */
export { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';
export { openPglite } from './open-pglite.ts';
export { pgliteClient } from './pglite-client.ts';
