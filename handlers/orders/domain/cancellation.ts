/**
 * When an order may be cancelled and what cancelling changes.
 * @module
 */
import type { Order, OrderStatus } from './order.ts';

/** Only orders that have not left the warehouse can be cancelled. */
const CANCELLABLE: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['placed', 'paid']);

/** @example isCancellable('shipped') // false */
export function isCancellable(status: OrderStatus): boolean {
  return CANCELLABLE.has(status);
}

/** The cancelled order, or the status that forbids cancelling. */
export type CancelResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly status: OrderStatus };

/**
 * Cancels a `placed` or `paid` order, recording when and why; any other status is refused.
 * Releasing stock and refunding a `paid` order are the caller's follow-ups.
 * @example cancel(order, { reason: 'Ordered the wrong size.', now: new Date() })
 */
export function cancel(
  order: Order,
  request: { readonly reason?: string; readonly now: Date },
): CancelResult {
  if (!isCancellable(order.status)) return { ok: false, status: order.status };
  return {
    ok: true,
    order: {
      ...order,
      status: 'cancelled',
      cancelledAt: request.now.toISOString(),
      cancelReason: request.reason ?? null,
    },
  };
}
