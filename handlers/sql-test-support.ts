/**
 * The stores every repository contract test runs against: in memory, PGlite in a temporary
 * directory with the context's migrations applied, and — when `CHARTER_TEST_DATABASE_URL` names
 * a PostgreSQL server — that server, through the `pg` adapter functions use on AWS, in a schema
 * of its own that is dropped afterwards.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '@charter/platform/gateway/data';
import {
  applyMigrations,
  createPgClient,
  readMigrations,
  type SqlClient,
} from '@charter/platform/runtime/data';

/** One implementation under test, opened once per test file. */
export interface RepositorySubject<Given, Repository> {
  readonly name: string;
  open(): Promise<OpenSubject<Given, Repository>>;
}

/** An opened implementation: each `given` starts from an empty store holding only `data`. */
export interface OpenSubject<Given, Repository> {
  given(data: Given): Promise<Repository>;
  close(): Promise<void>;
}

/** How a context's repository is built on each store. */
export interface SubjectOptions<Given, Repository> {
  /** The context, whose migrations are applied: `handlers/<context>/migrations/`. */
  readonly context: string;
  readonly memory: (data: Given) => Repository;
  /** Builds the SQL repository and stores `data` in the (empty) tables. */
  readonly sql: (db: SqlClient, data: Given) => Promise<Repository>;
}

/**
 * @example
 * describe.each(repositorySubjects({ context: 'catalog', memory, sql }))('ProductRepository: $name', (subject) => { ... });
 */
export function repositorySubjects<Given, Repository>(
  options: SubjectOptions<Given, Repository>,
  env: { readonly CHARTER_TEST_DATABASE_URL?: string } = process.env,
): RepositorySubject<Given, Repository>[] {
  const sqlSubject = (
    name: string,
    open: () => Promise<TestDatabase>,
  ): RepositorySubject<Given, Repository> => ({
    name,
    open: async () => {
      const database = await open();
      return {
        given: async (data) => {
          await database.reset();
          return options.sql(database.db, data);
        },
        close: database.close,
      };
    },
  });
  const server = env.CHARTER_TEST_DATABASE_URL;
  return [
    {
      name: 'in memory',
      open: async () => ({ given: async (data) => options.memory(data), close: async () => {} }),
    },
    sqlSubject('PGlite', () => openTestPglite(options.context)),
    ...(server ? [sqlSubject('PostgreSQL', () => openTestPostgres(server, options.context))] : []),
  ];
}

/** A migrated database for tests, emptied on demand and deleted on close. */
export interface TestDatabase {
  readonly db: SqlClient;
  /** Empties every table but the migrations table: faster than a new database per test. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * @example const { db, reset, close } = await openTestPglite('orders');
 */
export async function openTestPglite(context: string): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), `charter-${context}-`));
  const db = await openPglite(dataDir);
  return migrated(db, context, async () => {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });
}

/**
 * A fresh schema on a PostgreSQL server, so that runs never see each other's rows.
 * @example const { db, close } = await openTestPostgres('postgres://postgres@127.0.0.1:5432/postgres', 'orders');
 */
export async function openTestPostgres(url: string, context: string): Promise<TestDatabase> {
  const schema = `charter_test_${context}_${randomUUID().slice(0, 8)}`;
  const admin = createPgClient({ connectionString: url, maxConnections: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = createPgClient({ connectionString: scoped.href });
  return migrated(db, context, async () => {
    await db.close();
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  });
}

async function migrated(db: SqlClient, context: string, close: () => Promise<void>): Promise<TestDatabase> {
  try {
    await applyMigrations(
      db,
      context,
      await readMigrations(new URL(`./${context}/migrations/`, import.meta.url)),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    db,
    async reset() {
      const [{ tables }] = await db.query<{ tables: string | null }>(
        `SELECT string_agg(quote_ident(tablename), ', ') AS tables FROM pg_tables
         WHERE schemaname = current_schema() AND tablename <> 'charter_migrations'`,
      );
      if (tables) await db.exec(`TRUNCATE ${tables} CASCADE`);
    },
    close,
  };
}
