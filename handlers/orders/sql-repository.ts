/**
 * An {@link OrderRepository} in PostgreSQL: PGlite under `charter dev`, Aurora on AWS. Same
 * behaviour as the in-memory one, checked by repository.contract.test.ts against both.
 * @module
 */
import type { SqlClient, SqlExecutor, SqlParam } from '@charter/platform/runtime/data';
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord } from './domain/idempotency.ts';
import type { Order } from './domain/order.ts';
import type { OrderQuery } from './domain/order-listing.ts';
import { IdempotencyKeyTakenError, type OrderRepository } from './repository.ts';

const ORDER_COLUMNS = `id, customer_id, status, lines, total_amount, total_currency, shipping_address, payment,
  placed_at, cancelled_at, cancel_reason`;

/** A row of `orders` as both drivers return it. */
interface OrderRow {
  readonly id: string;
  readonly customer_id: string;
  readonly status: Order['status'];
  readonly lines: Order['lines'];
  readonly total_amount: number | bigint;
  readonly total_currency: string;
  readonly shipping_address: Order['shippingAddress'];
  readonly payment: Order['payment'];
  readonly placed_at: Date;
  readonly cancelled_at: Date | null;
  readonly cancel_reason: string | null;
}

interface IdempotencyRow {
  readonly customer_id: string;
  readonly idempotency_key: string;
  readonly fingerprint: string;
  readonly order_id: string;
  readonly created_at: Date;
}

// Stores an expired record's replacement; an unexpired record stays and no row comes back.
const UPSERT_KEY = `INSERT INTO order_idempotency_keys (customer_id, idempotency_key, fingerprint, order_id, created_at)
  VALUES ($1, $2, $3, $4, $5::timestamptz)
  ON CONFLICT (customer_id, idempotency_key) DO UPDATE
    SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id, created_at = EXCLUDED.created_at
    WHERE order_idempotency_keys.created_at <= $6::timestamptz
  RETURNING order_id`;

/**
 * @example const orders = new SqlOrderRepository(db);
 */
export class SqlOrderRepository implements OrderRepository {
  constructor(private readonly db: SqlClient) {}

  async get(id: string): Promise<Order | undefined> {
    const [row] = await this.db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [id]);
    return row && toOrder(row);
  }

  async listByCustomer(customerId: string, query: OrderQuery): Promise<Order[]> {
    const params: SqlParam[] = [customerId];
    const bind = (value: SqlParam) => `$${params.push(value)}`;
    const where = ['customer_id = $1'];
    const { statuses, placedAfter } = query.filter;
    if (statuses && statuses.length > 0) where.push(`status = ANY(${bind([...statuses])}::text[])`);
    // Through Date, as the in-memory filter compares: at millisecond precision.
    if (placedAfter !== undefined)
      where.push(`placed_at > ${bind(instant(Date.parse(placedAfter)))}::timestamptz`);
    if (query.after) {
      const placedAt = `${bind(instant(query.after.placedAt))}::timestamptz`;
      // Newest first, then id ascending: strictly after means older, or as old with a greater id.
      where.push(`(placed_at < ${placedAt} OR (placed_at = ${placedAt} AND id > ${bind(query.after.id)}))`);
    }
    const rows = await this.db.query<OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE ${where.join(' AND ')}
       ORDER BY placed_at DESC, id ASC LIMIT ${bind(query.limit)}`,
      params,
    );
    return rows.map(toOrder);
  }

  async insert(order: Order, idempotency?: IdempotencyRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO orders (${ORDER_COLUMNS})
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8::jsonb, $9::timestamptz, $10::timestamptz, $11)`,
        toParams(order),
      );
      if (idempotency) await recordKey(tx, idempotency);
    });
  }

  async update(order: Order): Promise<void> {
    await this.db.query(
      `UPDATE orders SET customer_id = $2, status = $3, lines = $4::jsonb, total_amount = $5,
         total_currency = $6, shipping_address = $7::jsonb, payment = $8::jsonb,
         placed_at = $9::timestamptz, cancelled_at = $10::timestamptz, cancel_reason = $11
       WHERE id = $1`,
      toParams(order),
    );
  }

  async findIdempotencyRecord(customerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.db.query<IdempotencyRow>(
      `SELECT customer_id, idempotency_key, fingerprint, order_id, created_at FROM order_idempotency_keys
       WHERE customer_id = $1 AND idempotency_key = $2`,
      [customerId, key],
    );
    return (
      row && {
        customerId: row.customer_id,
        key: row.idempotency_key,
        fingerprint: row.fingerprint,
        orderId: row.order_id,
        createdAt: row.created_at.toISOString(),
      }
    );
  }
}

async function recordKey(tx: SqlExecutor, record: IdempotencyRecord): Promise<void> {
  const expiredBy = instant(Date.parse(record.createdAt) - IDEMPOTENCY_TTL_MS);
  const stored = await tx.query(UPSERT_KEY, [
    record.customerId,
    record.key,
    record.fingerprint,
    record.orderId,
    record.createdAt,
    expiredBy,
  ]);
  // Throwing rolls the transaction back, so the order is not stored either.
  if (stored.length === 0) throw new IdempotencyKeyTakenError(record.customerId, record.key);
}

function instant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function toParams(order: Order): SqlParam[] {
  return [
    order.id,
    order.customerId,
    order.status,
    JSON.stringify(order.lines),
    order.total.amount,
    order.total.currency,
    JSON.stringify(order.shippingAddress),
    JSON.stringify(order.payment),
    order.placedAt,
    order.cancelledAt,
    order.cancelReason,
  ];
}

function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    lines: row.lines,
    total: { amount: Number(row.total_amount), currency: row.total_currency },
    shippingAddress: row.shipping_address,
    payment: row.payment,
    placedAt: row.placed_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
  };
}
