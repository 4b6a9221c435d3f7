/**
 * Where orders and idempotency keys are kept. Async and storage-neutral so that the in-memory
 * implementation, PGlite locally and Aurora on AWS are interchangeable.
 * @module
 */
import type { IdempotencyRecord } from './domain/idempotency.ts';
import type { Order } from './domain/order.ts';
import type { OrderQuery } from './domain/order-listing.ts';

/**
 * Order storage.
 * @example const order = await deps.orders.get(orderId);
 */
export interface OrderRepository {
  /** @returns the order, or undefined when no order has this id */
  get(id: string): Promise<Order | undefined>;
  /** The customer's orders matching the query, newest first, after its position, at most `limit`. */
  listByCustomer(customerId: string, query: OrderQuery): Promise<Order[]>;
  /**
   * Stores a new order together with the idempotency key it was placed with. A SQL store writes
   * both in one transaction, with a unique index on (customerId, key).
   */
  insert(order: Order, idempotency?: IdempotencyRecord): Promise<void>;
  /** Replaces the stored order with the same id. */
  update(order: Order): Promise<void>;
  /** @returns the record of the customer's key, expired or not; the caller judges its age */
  findIdempotencyRecord(customerId: string, key: string): Promise<IdempotencyRecord | undefined>;
}
