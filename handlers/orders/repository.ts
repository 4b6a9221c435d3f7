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
   * both in one transaction, with a unique index on (customerId, key). A record of the key that
   * has expired is replaced; one that has not makes the whole insert fail.
   * @throws IdempotencyKeyTakenError when the customer's key has an unexpired record (nothing is stored)
   */
  insert(order: Order, idempotency?: IdempotencyRecord): Promise<void>;
  /** Replaces the stored order with the same id. */
  update(order: Order): Promise<void>;
  /** @returns the record of the customer's key, expired or not; the caller judges its age */
  findIdempotencyRecord(customerId: string, key: string): Promise<IdempotencyRecord | undefined>;
}

/**
 * The store refused an order because its idempotency key was recorded, unexpired, in the
 * meantime: a concurrent retry of the same request got there first. Raised by the store itself,
 * so that two retries cannot both pass the check that precedes the write.
 */
export class IdempotencyKeyTakenError extends Error {
  constructor(
    readonly customerId: string,
    readonly key: string,
  ) {
    super(`Idempotency key ${key} of customer ${customerId} is already recorded.`);
    this.name = 'IdempotencyKeyTakenError';
  }
}
