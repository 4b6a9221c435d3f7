/**
 * Which store a context's repositories use, decided by the environment alone so that the same
 * function code runs on a laptop, in tests and on AWS.
 * @module
 */

/** Where the data lives. */
export type StoreChoice =
  /** A PostgreSQL server (Aurora on AWS). `migrate`: apply pending migrations when opening. */
  | { readonly kind: 'postgres'; readonly url: string; readonly migrate: boolean }
  /** Embedded PostgreSQL in a local directory, as `charter dev` gives each context. */
  | { readonly kind: 'pglite'; readonly dataDir: string }
  /** Plain objects that vanish with the process: unit tests, and code run outside both. */
  | { readonly kind: 'memory' };

/** The variables {@link chooseStore} reads. */
export interface StoreEnv {
  /** A PostgreSQL connection string; wins over everything else. */
  readonly DATABASE_URL?: string;
  /** Set by `charter dev` for each context: `<root>/.charter/data/<ctx>`. */
  readonly CHARTER_DATA_DIR?: string;
  /** `apply` or `skip` pending migrations on a PostgreSQL server. @default skip on Lambda, apply elsewhere */
  readonly CHARTER_MIGRATE?: string;
  /** Set by Lambda; there migrations run once per deploy, not once per cold start. */
  readonly AWS_LAMBDA_FUNCTION_NAME?: string;
}

/**
 * `DATABASE_URL` → PostgreSQL; else `CHARTER_DATA_DIR` → PGlite; else in memory.
 * @throws Error when `CHARTER_MIGRATE` is neither `apply` nor `skip`
 * @example chooseStore(process.env) // { kind: 'pglite', dataDir: '/repo/.charter/data/orders' }
 */
export function chooseStore(env: StoreEnv): StoreChoice {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, migrate: shouldMigrate(env) };
  if (env.CHARTER_DATA_DIR) return { kind: 'pglite', dataDir: env.CHARTER_DATA_DIR };
  return { kind: 'memory' };
}

function shouldMigrate(env: StoreEnv): boolean {
  const setting = env.CHARTER_MIGRATE;
  if (setting === 'apply') return true;
  if (setting === 'skip') return false;
  if (setting) throw new Error(`CHARTER_MIGRATE must be "apply" or "skip", not "${setting}".`);
  // Concurrent cold starts should not race to change the schema, and functions should not hold
  // DDL rights: on Lambda the deploy applies migrations.
  return !env.AWS_LAMBDA_FUNCTION_NAME;
}
