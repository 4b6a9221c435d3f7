/**
 * The {@link SqlClient} over a PGlite instance.
 * @module
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlParam } from '../../runtime/data/index.ts';

/**
 * @param onClose runs after the database has closed (releases the data directory's lock)
 * @example const db = pgliteClient(await PGlite.create(dataDir));
 */
export function pgliteClient(pglite: PGlite, onClose: () => void = () => {}): SqlClient {
  return {
    ...executor(pglite),
    // PGlite runs one statement at a time, so a transaction holds the whole database until it ends.
    transaction: (work) => pglite.transaction((tx) => work(executor(tx))),
    async close() {
      if (!pglite.closed) await pglite.close();
      onClose();
    },
  };
}

function executor(target: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: readonly SqlParam[] = []) {
      return (await target.query<Row>(text, params as unknown[])).rows;
    },
    async exec(script) {
      await target.exec(script);
    },
  };
}
