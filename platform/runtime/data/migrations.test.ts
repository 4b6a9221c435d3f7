/**
 * The migration runner against real PostgreSQL semantics (PGlite): transactional DDL, the
 * migrations table, checksums. PGlite comes from the local gateway; the runner itself never
 * imports it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '@charter/platform/gateway/data';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  type Migration,
  MigrationChecksumError,
  MigrationFailedError,
  migrationChecksum,
} from './migrations.ts';
import { readMigrations } from './read-migrations.ts';
import type { SqlClient } from './sql-client.ts';

let dataDir: string;
let db: SqlClient;
let schema = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'charter-migrations-'));
  db = await openPglite(dataDir);
});
afterAll(async () => {
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});
// A schema per test: each starts without tables, the migrations table included.
beforeEach(async () => {
  schema += 1;
  await db.exec(`CREATE SCHEMA test_${schema}; SET search_path TO test_${schema}`);
});

const m = (version: number, name: string, sql: string): Migration => ({
  version,
  name: `${String(version).padStart(3, '0')}_${name}.sql`,
  sql,
});
const createItems = m(1, 'create_items', 'CREATE TABLE items (id text PRIMARY KEY);');
const addPrice = m(2, 'add_price', 'ALTER TABLE items ADD COLUMN price integer NOT NULL DEFAULT 0;');
const indexPrice = m(3, 'index_price', 'CREATE INDEX items_price_idx ON items (price);');

const columns = async () =>
  (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'items' ORDER BY ordinal_position`,
    )
  ).map((r) => r.column_name);
const recorded = async () =>
  db.query<{ context: string; version: number; name: string; checksum: string }>(
    'SELECT context, version, name, checksum FROM charter_migrations ORDER BY context, version',
  );

describe('applyMigrations', () => {
  it('applies pending migrations in version order, whatever order they are given in', async () => {
    const report = await applyMigrations(db, 'shop', [indexPrice, createItems, addPrice]);
    expect(report).toEqual({
      applied: ['001_create_items.sql', '002_add_price.sql', '003_index_price.sql'],
      unknown: [],
    });
    expect(await columns()).toEqual(['id', 'price']);
    expect(await recorded()).toEqual(
      [createItems, addPrice, indexPrice].map((x) => ({
        context: 'shop',
        version: x.version,
        name: x.name,
        checksum: migrationChecksum(x.sql),
      })),
    );
  });

  it('is idempotent: a second run applies nothing', async () => {
    await applyMigrations(db, 'shop', [createItems, addPrice]);
    expect(await applyMigrations(db, 'shop', [createItems, addPrice])).toEqual({ applied: [], unknown: [] });
    expect(await recorded()).toHaveLength(2);
  });

  it('applies only what was added since the last run', async () => {
    await applyMigrations(db, 'shop', [createItems]);
    expect((await applyMigrations(db, 'shop', [createItems, addPrice])).applied).toEqual([
      '002_add_price.sql',
    ]);
    expect(await columns()).toEqual(['id', 'price']);
  });

  it('fails if an applied migration was changed, naming the file, and applies nothing more', async () => {
    await applyMigrations(db, 'shop', [createItems]);
    const edited = { ...createItems, sql: 'CREATE TABLE items (id text PRIMARY KEY, name text);' };
    const run = applyMigrations(db, 'shop', [edited, addPrice]);
    await expect(run).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(run).rejects.toThrow(
      /shop: migration 001_create_items\.sql was changed after it was applied/,
    );
    expect(await columns()).toEqual(['id']);
  });

  it('does not count line endings as a change (a CRLF checkout)', async () => {
    const lf = m(1, 'create_items', 'CREATE TABLE items (\n  id text PRIMARY KEY\n);\n');
    await applyMigrations(db, 'shop', [lf]);
    const crlf = { ...lf, sql: lf.sql.replaceAll('\n', '\r\n') };
    expect(await applyMigrations(db, 'shop', [crlf])).toEqual({ applied: [], unknown: [] });
  });

  it('rolls a failing migration back entirely, names it, and keeps the ones before it', async () => {
    const broken = m(
      2,
      'broken',
      'ALTER TABLE items ADD COLUMN note text; ALTER TABLE nowhere ADD COLUMN x int;',
    );
    const run = applyMigrations(db, 'shop', [createItems, broken]);
    await expect(run).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(run).rejects.toThrow(
      /shop: migration 002_broken\.sql failed and was rolled back: .*nowhere/,
    );
    expect(await columns()).toEqual(['id']);
    expect((await recorded()).map((r) => r.name)).toEqual(['001_create_items.sql']);
  });

  it('keeps each context’s migrations apart, so contexts can share a database', async () => {
    await applyMigrations(db, 'catalog', [createItems]);
    const other = m(1, 'create_orders', 'CREATE TABLE orders (id text PRIMARY KEY);');
    expect((await applyMigrations(db, 'orders', [other])).applied).toEqual(['001_create_orders.sql']);
    expect((await recorded()).map((r) => `${r.context}/${r.name}`)).toEqual([
      'catalog/001_create_items.sql',
      'orders/001_create_orders.sql',
    ]);
  });

  it('reports migrations the database has and the code lacks, without refusing them', async () => {
    await applyMigrations(db, 'shop', [createItems, addPrice]);
    expect(await applyMigrations(db, 'shop', [createItems])).toEqual({
      applied: [],
      unknown: ['002_add_price.sql'],
    });
  });
});

describe('readMigrations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'charter-migration-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads NNN_name.sql files in version order and ignores other files', async () => {
    await writeFile(join(dir, '010_later.sql'), 'SELECT 10;');
    await writeFile(join(dir, '002_second.sql'), 'SELECT 2;');
    await writeFile(join(dir, '001_first.sql'), 'SELECT 1;');
    await writeFile(join(dir, 'README.md'), 'notes');
    expect(await readMigrations(dir)).toEqual([
      { version: 1, name: '001_first.sql', sql: 'SELECT 1;' },
      { version: 2, name: '002_second.sql', sql: 'SELECT 2;' },
      { version: 10, name: '010_later.sql', sql: 'SELECT 10;' },
    ]);
  });

  it.each<[string, { given: string[]; want: RegExp }]>([
    [
      'fails if a file is not named NNN_name.sql',
      { given: ['001_first.sql', 'add-tags.sql'], want: /add-tags\.sql: a migration is named NNN_name\.sql/ },
    ],
    [
      'fails if two files share a version',
      { given: ['002_a.sql', '002_b.sql'], want: /002_b\.sql: version 2 is already used by 002_a\.sql/ },
    ],
  ])('%s', async (_name, { given, want }) => {
    for (const file of given) await writeFile(join(dir, file), 'SELECT 1;');
    await expect(readMigrations(dir)).rejects.toThrow(want);
  });

  it('fails if the directory is missing, naming it', async () => {
    await expect(readMigrations(join(dir, 'missing'))).rejects.toThrow(
      /No migrations directory at .*missing/,
    );
  });
});
