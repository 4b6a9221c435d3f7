/**
 * The smallest SQL surface the repositories need, so that PGlite on a laptop and a `pg` pool
 * against Aurora (or any PostgreSQL) are interchangeable behind thin adapters.
 * @module
 */

/**
 * A value bound to a `$n` placeholder. Arrays bind to PostgreSQL arrays; pass JSON as text and
 * cast it (`$1::jsonb`) so both drivers send the same thing.
 */
export type SqlParam = string | number | bigint | boolean | Date | null | readonly (string | number)[];

/**
 * Runs statements: on a client, each on its own; inside {@link SqlClient.transaction}, within it.
 * @example const rows = await db.query<{ id: string }>('SELECT id FROM products WHERE sku = $1', [sku]);
 */
export interface SqlExecutor {
  /**
   * One statement with `$1`-style parameters (never string concatenation).
   * Row values come back as both adapters agree: int2/int4/float8 and int8 within 2^53 as
   * `number` (larger int8 as `bigint`), numeric as `string`, timestamptz as `Date`, json/jsonb
   * parsed, arrays as arrays.
   * @returns the rows the statement returned (empty for statements that return none)
   */
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: readonly SqlParam[],
  ): Promise<Row[]>;
  /** Several statements without parameters, e.g. a migration file. */
  exec(script: string): Promise<void>;
}

/**
 * A connection (pool) to one database.
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.query('INSERT INTO orders (id) VALUES ($1)', [id]);
 *   await tx.query('INSERT INTO order_idempotency_keys (order_id) VALUES ($1)', [id]);
 * });
 */
export interface SqlClient extends SqlExecutor {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). Use only `tx` inside: a pool of one connection would wait forever for
   * a statement sent through the client.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Waits for running statements, then releases the connection(s); committed data stays. */
  close(): Promise<void>;
}

/** Something holding a resource that must be released before the process stops. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Whether a database error is a unique violation (SQLSTATE 23505), optionally of one constraint.
 * Both drivers raise errors with PostgreSQL's `code` and `constraint` fields.
 * @example if (isUniqueViolation(error, 'products_sku_key')) throw new DuplicateSkuError(product.sku);
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === undefined || violated === constraint);
}

/**
 * int8 as a `number` when it fits, a `bigint` when it does not: what PGlite does, and what the
 * `pg` adapter is configured to do so that repositories see the same values from both.
 * @example parseInt8('12900') // 12900
 */
export function parseInt8(text: string): number | bigint {
  const value = BigInt(text);
  return value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)
    ? value
    : Number(value);
}
