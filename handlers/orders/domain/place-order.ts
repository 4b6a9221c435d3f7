/**
 * Placing an order: one line per product, idempotent retries, catalog prices frozen on the lines.
 * @module
 */
import type { ProductCatalog } from '../product-catalog.ts';
import { IdempotencyKeyTakenError, type OrderRepository } from '../repository.ts';
import { decideIdempotency, fingerprint, type IdempotencyRecord } from './idempotency.ts';
import { type NewOrder, type Order, openOrder } from './order.ts';
import { type DuplicateLine, duplicateLines } from './order-lines.ts';
import { summarizePayment } from './payment.ts';
import { type PricingRejection, priceLines } from './pricing.ts';

/** The ports placing an order needs. */
export interface PlaceOrderPorts {
  readonly orders: OrderRepository;
  readonly catalog: ProductCatalog;
  readonly clock: () => Date;
  readonly newId: () => string;
}

/** What the customer asked for. */
export interface PlaceOrderCommand {
  /** The authenticated customer (the token's `sub`). */
  readonly customerId: string;
  readonly order: NewOrder;
  readonly idempotencyKey?: string;
}

/** Why an order that is well-formed cannot be placed. */
export type OrderRejection =
  | PricingRejection
  | { readonly reason: 'idempotency-key-reused'; readonly key: string };

/** The placed order, or why it was not placed. */
export type PlaceOrderOutcome =
  /** `replayed`: the key was seen with this body before and this is the order placed then. */
  | { readonly kind: 'placed'; readonly order: Order; readonly replayed: boolean }
  | { readonly kind: 'duplicate-lines'; readonly duplicates: DuplicateLine[] }
  | { readonly kind: 'rejected'; readonly rejection: OrderRejection };

/**
 * @example
 * const outcome = await placeCustomerOrder(deps, { customerId: auth.subject, order: body, idempotencyKey });
 */
export async function placeCustomerOrder(
  ports: PlaceOrderPorts,
  command: PlaceOrderCommand,
): Promise<PlaceOrderOutcome> {
  const { customerId, order: request, idempotencyKey } = command;
  const duplicates = duplicateLines(request.lines);
  if (duplicates.length > 0) return { kind: 'duplicate-lines', duplicates };

  const now = ports.clock();
  const print = idempotencyKey === undefined ? undefined : fingerprint(request);
  if (idempotencyKey !== undefined && print !== undefined) {
    const record = await ports.orders.findIdempotencyRecord(customerId, idempotencyKey);
    const decision = decideIdempotency(record, print, now);
    if (decision.kind === 'conflict') {
      return { kind: 'rejected', rejection: { reason: 'idempotency-key-reused', key: idempotencyKey } };
    }
    if (decision.kind === 'replay') {
      const first = await ports.orders.get(decision.orderId);
      if (first) return { kind: 'placed', order: first, replayed: true };
    }
  }

  const priced = priceLines(
    request.lines,
    await ports.catalog.priceOf(request.lines.map((l) => l.productId)),
  );
  if (!priced.ok) return { kind: 'rejected', rejection: priced.rejection };

  const order = openOrder({
    id: ports.newId(),
    customerId,
    lines: priced.lines,
    total: priced.total,
    shippingAddress: request.shippingAddress,
    payment: summarizePayment(request.payment, now),
    placedAt: now,
  });
  const record: IdempotencyRecord | undefined =
    idempotencyKey !== undefined && print !== undefined
      ? {
          customerId,
          key: idempotencyKey,
          fingerprint: print,
          orderId: order.id,
          createdAt: now.toISOString(),
        }
      : undefined;
  try {
    await ports.orders.insert(order, record);
  } catch (error) {
    if (error instanceof IdempotencyKeyTakenError && print !== undefined) {
      return afterLostRace(ports, { customerId, key: error.key, print, now });
    }
    throw error;
  }
  return { kind: 'placed', order, replayed: false };
}

/**
 * A concurrent request with the same key was stored first: answer as if it had arrived first,
 * with its order when the bodies match and the reused-key refusal when they do not.
 */
async function afterLostRace(
  ports: PlaceOrderPorts,
  race: { readonly customerId: string; readonly key: string; readonly print: string; readonly now: Date },
): Promise<PlaceOrderOutcome> {
  const record = await ports.orders.findIdempotencyRecord(race.customerId, race.key);
  const decision = decideIdempotency(record, race.print, race.now);
  const first = decision.kind === 'replay' ? await ports.orders.get(decision.orderId) : undefined;
  if (first) return { kind: 'placed', order: first, replayed: true };
  return { kind: 'rejected', rejection: { reason: 'idempotency-key-reused', key: race.key } };
}
