/**
 * vitest globalSetup: starts a throwaway PostgreSQL server for the run and hands its URL to the
 * repository contract tests as `CHARTER_TEST_DATABASE_URL` (handlers/sql-test-support.ts), so
 * they run the same migrations and cases on it as on PGlite. A URL already set wins (an
 * existing server); without PostgreSQL installed (scripts/ensure-postgres.sh) those cases are
 * left out with a note, so a fresh clone still tests with Node alone.
 * @module
 */
import { startPostgres } from './postgres-server.ts';

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.CHARTER_TEST_DATABASE_URL) return undefined;
  const server = await startPostgres();
  if (!server) {
    console.warn(
      'PostgreSQL is not installed (scripts/ensure-postgres.sh installs it): repository tests run on memory and PGlite only',
    );
    return undefined;
  }
  process.env.CHARTER_TEST_DATABASE_URL = server.url;
  return () => server.stop();
}
