/**
 * Opaque cursors for the order list: base64url JSON of the last order's position.
 * Clients must not parse them; the format may change without notice.
 * @module
 */
import type { OrderPosition } from './order-listing.ts';

/** @example encodeOrderCursor({ placedAt: Date.parse(order.placedAt), id: order.id }) */
export function encodeOrderCursor(position: OrderPosition): string {
  return Buffer.from(JSON.stringify({ p: position.placedAt, i: position.id }), 'utf8').toString('base64url');
}

/**
 * @returns the position, or undefined when the text is not a cursor this service issued
 * @example decodeOrderCursor(page.nextCursor)
 */
export function decodeOrderCursor(text: string): OrderPosition | undefined {
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null) return undefined;
  const { p, i } = wire as Record<string, unknown>;
  if (typeof p !== 'number' || !Number.isFinite(p) || typeof i !== 'string') return undefined;
  return { placedAt: p, id: i };
}
