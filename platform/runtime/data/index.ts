/**
 * Data access for functions: a tiny SQL client interface with its `pg` adapter (Aurora, any
 * PostgreSQL), the migration runner, and the choice between PostgreSQL, PGlite and memory.
 * PGlite itself is local-only and lives in the gateway (`@charter/platform/gateway/data`).
 *
 * - Client: {@link SqlClient}, {@link createPgClient}, {@link isUniqueViolation}
 * - Migrations: {@link applyMigrations}, {@link readMigrations}
 * - Stores: {@link chooseStore}, {@link openContextStore}
 * @module
 */
export { chooseStore, type StoreChoice, type StoreEnv } from './choose-store.ts';
export {
  applyMigrations,
  type Migration,
  MigrationChecksumError,
  MigrationFailedError,
  type MigrationReport,
  migrationChecksum,
} from './migrations.ts';
export { type ContextStoreOptions, openContextStore } from './open-store.ts';
export { createPgClient, type PgClientOptions } from './pg-client.ts';
export { readMigrations } from './read-migrations.ts';
export {
  type Closable,
  isUniqueViolation,
  parseInt8,
  type SqlClient,
  type SqlExecutor,
  type SqlParam,
} from './sql-client.ts';
