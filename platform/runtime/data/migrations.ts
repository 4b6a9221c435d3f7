/**
 * Applies a context's SQL migrations in order, each in its own transaction, and remembers them
 * (version, name, checksum) in `charter_migrations`, so the same files bring PGlite on a laptop
 * and Aurora on AWS to the same schema.
 * @module
 */
import { createHash } from 'node:crypto';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

/** One migration file, `NNN_name.sql`. */
export interface Migration {
  /** `NNN`: migrations apply in ascending version order. */
  readonly version: number;
  /** The file name, as errors and the migrations table show it. */
  readonly name: string;
  /** Statements without their own BEGIN/COMMIT (the runner wraps each file in a transaction). */
  readonly sql: string;
}

/** What a run did. */
export interface MigrationReport {
  /** Names of the migrations this run applied, in order. */
  readonly applied: readonly string[];
  /** Names of migrations the database has but these files lack (code older than the schema). */
  readonly unknown: readonly string[];
}

/** An applied migration's file no longer matches what was applied. */
export class MigrationChecksumError extends Error {
  constructor(
    readonly context: string,
    readonly migration: string,
    readonly applied: string,
    readonly current: string,
  ) {
    super(
      `${context}: migration ${migration} was changed after it was applied ` +
        `(checksum ${current.slice(0, 12)}, applied as ${applied.slice(0, 12)}). ` +
        'Put the change in a new migration file instead; an applied migration never changes. ' +
        `Local data only: delete .charter/data/${context} to start over.`,
    );
    this.name = 'MigrationChecksumError';
  }
}

/** A migration's SQL failed; nothing of that file was applied. */
export class MigrationFailedError extends Error {
  constructor(
    readonly context: string,
    readonly migration: string,
    cause: unknown,
  ) {
    super(
      `${context}: migration ${migration} failed and was rolled back: ${(cause as Error)?.message ?? cause}`,
      {
        cause,
      },
    );
    this.name = 'MigrationFailedError';
  }
}

/**
 * The checksum recorded for a migration: SHA-256 of its text with line endings normalised, so a
 * checkout with CRLF endings does not look like an edit.
 * @example migrationChecksum('CREATE TABLE t (id int);\n') // 'a3f1…'
 */
export function migrationChecksum(sql: string): string {
  return createHash('sha256')
    .update(sql.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    .digest('hex');
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS charter_migrations (
  context text NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (context, version)
)`;

interface AppliedRow {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
}

/**
 * Checks every applied migration against its file, then applies the pending ones in version
 * order. Safe to run from several processes at once: an advisory lock serialises them.
 * @param context migrations are recorded per context, so contexts can share one database
 * @throws MigrationChecksumError naming the file when an applied migration was edited
 * @throws MigrationFailedError naming the file when a migration's SQL fails (it is rolled back)
 * @example await applyMigrations(db, 'orders', await readMigrations(new URL('./migrations/', import.meta.url)));
 */
export async function applyMigrations(
  db: SqlClient,
  context: string,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  await db.transaction(async (tx) => {
    await lock(tx, context);
    await tx.exec(CREATE_TABLE);
  });
  const applied = await appliedMigrations(db, context);
  for (const migration of ordered) {
    const record = applied.get(migration.version);
    const checksum = migrationChecksum(migration.sql);
    if (record && record.checksum !== checksum) {
      throw new MigrationChecksumError(context, migration.name, record.checksum, checksum);
    }
  }
  const done: string[] = [];
  for (const migration of ordered.filter((m) => !applied.has(m.version))) {
    const ran = await db.transaction(async (tx) => {
      await lock(tx, context);
      // Another process may have applied it while this one waited for the lock.
      const again = await tx.query('SELECT 1 FROM charter_migrations WHERE context = $1 AND version = $2', [
        context,
        migration.version,
      ]);
      if (again.length > 0) return false;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationFailedError(context, migration.name, error);
      }
      await tx.query(
        'INSERT INTO charter_migrations (context, version, name, checksum) VALUES ($1, $2, $3, $4)',
        [context, migration.version, migration.name, migrationChecksum(migration.sql)],
      );
      return true;
    });
    if (ran) done.push(migration.name);
  }
  const known = new Set(ordered.map((m) => m.version));
  // A database ahead of the code is normal while a deploy rolls out or back; the schema is only
  // ever extended compatibly, so older code keeps working and is not refused.
  const unknown = [...applied.values()].filter((r) => !known.has(r.version)).map((r) => r.name);
  return { applied: done, unknown };
}

async function appliedMigrations(db: SqlExecutor, context: string): Promise<Map<number, AppliedRow>> {
  const rows = await db.query<AppliedRow>(
    'SELECT version, name, checksum FROM charter_migrations WHERE context = $1 ORDER BY version',
    [context],
  );
  return new Map(rows.map((row) => [row.version, row]));
}

/** Held until the transaction ends; contexts do not wait for each other. */
async function lock(tx: SqlExecutor, context: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`charter_migrations:${context}`]);
}
