/**
 * Reading and cancelling a customer's own orders. Another customer's order is treated as
 * missing, so ids of other people's orders cannot even be confirmed to exist.
 * @module
 */
import type { OrderRepository } from '../repository.ts';
import { cancel } from './cancellation.ts';
import type { Order, OrderStatus } from './order.ts';
import { decodeOrderCursor, encodeOrderCursor } from './order-cursor.ts';
import { type OrderFilter, type OrderPosition, positionOfOrder } from './order-listing.ts';

/** The contract's page size when `limit` is absent. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * @returns the order when it exists and belongs to the customer
 * @example await findCustomerOrder(deps.orders, auth.subject, path.orderId)
 */
export async function findCustomerOrder(
  orders: OrderRepository,
  customerId: string,
  orderId: string,
): Promise<Order | undefined> {
  const order = await orders.get(orderId);
  return order?.customerId === customerId ? order : undefined;
}

/** A page of orders, or why the cursor was refused. */
export type OrderPageResult =
  | { readonly ok: true; readonly items: Order[]; readonly nextCursor: string | null }
  | { readonly ok: false; readonly error: 'invalid-cursor' };

/**
 * One page of the customer's orders, newest first.
 * @example await listCustomerOrders(deps.orders, auth.subject, { filter: { statuses: ['placed'] }, limit: 10 })
 */
export async function listCustomerOrders(
  orders: OrderRepository,
  customerId: string,
  request: { readonly filter: OrderFilter; readonly cursor?: string; readonly limit?: number },
): Promise<OrderPageResult> {
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  let after: OrderPosition | undefined;
  if (request.cursor !== undefined) {
    after = decodeOrderCursor(request.cursor);
    if (!after) return { ok: false, error: 'invalid-cursor' };
  }
  // One extra row tells whether another page follows without a second query.
  const rows = await orders.listByCustomer(customerId, { filter: request.filter, after, limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeOrderCursor(positionOfOrder(last)) : null;
  return { ok: true, items, nextCursor };
}

/** The cancelled order, or why it was not cancelled. */
export type CancelOutcome =
  | { readonly kind: 'cancelled'; readonly order: Order }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'not-cancellable'; readonly status: OrderStatus };

/**
 * Cancels the customer's order when its status allows it.
 * @example await cancelCustomerOrder(deps, { customerId: auth.subject, orderId, reason: body?.reason })
 */
export async function cancelCustomerOrder(
  ports: { readonly orders: OrderRepository; readonly clock: () => Date },
  command: { readonly customerId: string; readonly orderId: string; readonly reason?: string },
): Promise<CancelOutcome> {
  const order = await findCustomerOrder(ports.orders, command.customerId, command.orderId);
  if (!order) return { kind: 'not-found' };
  const result = cancel(order, { reason: command.reason, now: ports.clock() });
  if (!result.ok) return { kind: 'not-cancellable', status: result.status };
  await ports.orders.update(result.order);
  return { kind: 'cancelled', order: result.order };
}
