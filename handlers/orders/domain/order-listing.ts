/**
 * How a customer's orders are filtered and ordered when listed: most recently placed first,
 * ties broken by id so that cursors land between well-defined neighbours. A SQL repository must
 * reproduce the same order.
 * @module
 */
import type { Order, OrderStatus } from './order.ts';

/** Filters combine with AND; an absent field does not filter. */
export interface OrderFilter {
  /** Only orders in one of these states. */
  readonly statuses?: readonly OrderStatus[];
  /** Only orders placed strictly after this instant (ISO 8601). */
  readonly placedAfter?: string;
}

/** Where an order sits in the listing order. */
export interface OrderPosition {
  /** `placedAt` in epoch milliseconds. */
  readonly placedAt: number;
  readonly id: string;
}

/** One page worth of a customer's orders, in storage-neutral terms. */
export interface OrderQuery {
  readonly filter: OrderFilter;
  /** Only orders strictly after this position. */
  readonly after?: OrderPosition;
  readonly limit: number;
}

/** @example matchesOrderFilter(order, { statuses: ['placed', 'paid'] }) */
export function matchesOrderFilter(order: Order, filter: OrderFilter): boolean {
  if (filter.statuses && filter.statuses.length > 0 && !filter.statuses.includes(order.status)) return false;
  return filter.placedAfter === undefined || Date.parse(order.placedAt) > Date.parse(filter.placedAfter);
}

/** @example positionOfOrder(order) // { placedAt: 1748945700000, id: 'c0a8…' } */
export function positionOfOrder(order: Order): OrderPosition {
  return { placedAt: Date.parse(order.placedAt), id: order.id };
}

/** Newest first, then id ascending. @example orders.sort((a, b) => compareOrderPositions(positionOfOrder(a), positionOfOrder(b))) */
export function compareOrderPositions(a: OrderPosition, b: OrderPosition): number {
  if (a.placedAt !== b.placedAt) return b.placedAt - a.placedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
