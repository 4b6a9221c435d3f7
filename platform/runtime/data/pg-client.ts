/**
 * The {@link SqlClient} over a `pg` pool: Aurora PostgreSQL on AWS, or any PostgreSQL named by a
 * connection string. Bundled into functions; PGlite's adapter lives with the local gateway.
 * @module
 */
import pg from 'pg';
import { parseInt8, type SqlClient, type SqlExecutor, type SqlParam } from './sql-client.ts';

const INT8 = 20;

/** How to reach the database. */
export interface PgClientOptions {
  /** `postgres://user:password@host:5432/db?sslmode=require`; `PG*` variables fill what it leaves out. */
  readonly connectionString: string;
  /**
   * Connections kept open. Each Lambda execution environment serves one request at a time, so
   * more than one there only multiplies connections by concurrency against the database's limit.
   * @default 1 on Lambda (`AWS_LAMBDA_FUNCTION_NAME` set), 10 elsewhere
   */
  readonly maxConnections?: number;
  /**
   * How long to wait for a connection before the statement fails, rather than holding the
   * request until the function times out; generous, as a paused Aurora Serverless v2 takes seconds to resume.
   * @default 15_000
   */
  readonly connectTimeoutMs?: number;
  /** Told about errors of idle connections (a failover, a restart); they are replaced on next use. */
  readonly onIdleError?: (error: Error) => void;
}

/**
 * @example const db = createPgClient({ connectionString: process.env.DATABASE_URL });
 */
export function createPgClient(options: PgClientOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? (process.env.AWS_LAMBDA_FUNCTION_NAME ? 1 : 10),
    connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
    // Per pool, not pg's global parsers: int8 as PGlite returns it, so rows look the same from both.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that breaks emits 'error' on the pool; unhandled, that ends the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return {
    ...executor(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection that could not even roll back is destroyed instead of reused.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

function executor(target: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: readonly SqlParam[] = []) {
      const result = await target.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script) {
      // Without parameters pg uses the simple query protocol, which runs several statements.
      await target.query(script);
    },
  };
}
