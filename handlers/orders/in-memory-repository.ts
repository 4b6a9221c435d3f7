/**
 * An {@link OrderRepository} in Maps, for tests and for `charter dev` until PGlite replaces it.
 * @module
 */
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord } from './domain/idempotency.ts';
import type { Order } from './domain/order.ts';
import {
  compareOrderPositions,
  matchesOrderFilter,
  type OrderQuery,
  positionOfOrder,
} from './domain/order-listing.ts';
import { IdempotencyKeyTakenError, type OrderRepository } from './repository.ts';

/**
 * Orders in memory. Every read and write copies, so callers can never change stored state by
 * mutating an object they hold, just as with a database.
 * @example const orders = new InMemoryOrderRepository();
 */
export class InMemoryOrderRepository implements OrderRepository {
  readonly #orders = new Map<string, Order>();
  readonly #keys = new Map<string, IdempotencyRecord>();

  constructor(orders: readonly Order[] = []) {
    for (const order of orders) this.#orders.set(order.id, structuredClone(order));
  }

  async get(id: string): Promise<Order | undefined> {
    const order = this.#orders.get(id);
    return order && structuredClone(order);
  }

  async listByCustomer(customerId: string, query: OrderQuery): Promise<Order[]> {
    const { filter, after, limit } = query;
    return [...this.#orders.values()]
      .filter((order) => order.customerId === customerId && matchesOrderFilter(order, filter))
      .filter((order) => !after || compareOrderPositions(positionOfOrder(order), after) > 0)
      .sort((a, b) => compareOrderPositions(positionOfOrder(a), positionOfOrder(b)))
      .slice(0, limit)
      .map((order) => structuredClone(order));
  }

  async insert(order: Order, idempotency?: IdempotencyRecord): Promise<void> {
    if (idempotency) {
      const recorded = this.#keys.get(keyOf(idempotency.customerId, idempotency.key));
      if (recorded && !hasExpired(recorded, idempotency.createdAt)) {
        throw new IdempotencyKeyTakenError(idempotency.customerId, idempotency.key);
      }
    }
    this.#orders.set(order.id, structuredClone(order));
    if (idempotency) this.#keys.set(keyOf(idempotency.customerId, idempotency.key), { ...idempotency });
  }

  async update(order: Order): Promise<void> {
    this.#orders.set(order.id, structuredClone(order));
  }

  async findIdempotencyRecord(customerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const record = this.#keys.get(keyOf(customerId, key));
    return record && { ...record };
  }
}

/** Whether `record` had expired when a new record was made at `now` (ISO 8601). */
function hasExpired(record: IdempotencyRecord, now: string): boolean {
  return Date.parse(now) - Date.parse(record.createdAt) >= IDEMPOTENCY_TTL_MS;
}

// JSON keeps the pair unambiguous whatever characters a customer id contains.
const keyOf = (customerId: string, key: string) => JSON.stringify([customerId, key]);
