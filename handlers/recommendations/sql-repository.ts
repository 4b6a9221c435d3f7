/**
 * A {@link SignalRepository} in PostgreSQL: PGlite under `charter dev`, Aurora on AWS. Same
 * behaviour as the in-memory one, checked by repository.contract.test.ts against both.
 * @module
 */
import type { SqlExecutor } from '@charter/platform/runtime/data';
import type { SignalData } from './in-memory-repository.ts';
import type { ProductSignals, SignalRepository, UserHistory, WeightedProduct } from './repository.ts';

/**
 * @example const signals = new SqlSignalRepository(db);
 */
export class SqlSignalRepository implements SignalRepository {
  constructor(private readonly db: SqlExecutor) {}

  async productSignals(productId: string): Promise<ProductSignals | undefined> {
    const [row] = await this.db.query<{
      similar_products: ProductSignals['similar'];
      bought_together: ProductSignals['boughtTogether'];
    }>('SELECT similar_products, bought_together FROM product_signals WHERE product_id = $1', [productId]);
    return row && { similar: row.similar_products, boughtTogether: row.bought_together };
  }

  async trending(): Promise<readonly WeightedProduct[]> {
    return this.db.query<WeightedProduct>(
      'SELECT product_id AS "productId", weight FROM trending_products ORDER BY rank',
    );
  }

  async userHistory(userId: string): Promise<UserHistory | undefined> {
    const [row] = await this.db.query<UserHistory>(
      'SELECT purchased, viewed FROM shopper_histories WHERE user_id = $1',
      [userId],
    );
    return row && { purchased: row.purchased, viewed: row.viewed };
  }

  async sessionViews(sessionId: string): Promise<readonly string[]> {
    const [row] = await this.db.query<{ product_ids: string[] }>(
      'SELECT product_ids FROM session_views WHERE session_id = $1',
      [sessionId],
    );
    return row?.product_ids ?? [];
  }
}

/**
 * Adds signals to the tables, as the offline job that computes them would; used to seed a
 * local store and by tests. Run it in a transaction so that readers never see half of them.
 * @example await db.transaction((tx) => insertSignals(tx, seedSignals));
 */
export async function insertSignals(db: SqlExecutor, data: SignalData): Promise<void> {
  for (const [productId, signals] of Object.entries(data.products)) {
    await db.query(
      'INSERT INTO product_signals (product_id, similar_products, bought_together) VALUES ($1, $2::jsonb, $3::jsonb)',
      [productId, JSON.stringify(signals.similar), JSON.stringify(signals.boughtTogether)],
    );
  }
  for (const [rank, { productId, weight }] of data.trending.entries()) {
    await db.query('INSERT INTO trending_products (rank, product_id, weight) VALUES ($1, $2, $3)', [
      rank + 1,
      productId,
      weight,
    ]);
  }
  for (const [userId, history] of Object.entries(data.users)) {
    await db.query(
      'INSERT INTO shopper_histories (user_id, purchased, viewed) VALUES ($1, $2::text[], $3::text[])',
      [userId, history.purchased, history.viewed],
    );
  }
  for (const [sessionId, productIds] of Object.entries(data.sessions)) {
    await db.query('INSERT INTO session_views (session_id, product_ids) VALUES ($1, $2::text[])', [
      sessionId,
      productIds,
    ]);
  }
}
