/**
 * Idempotency keys make retrying `placeOrder` safe: the same key and body return the first
 * order, the same key with another body is refused, and keys are forgotten after 24 hours.
 * @module
 */
import { createHash } from 'node:crypto';

/** How long a key is remembered, as the contract promises. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** What is remembered about a key. Keys are per customer: two customers may pick the same one. */
export interface IdempotencyRecord {
  readonly customerId: string;
  readonly key: string;
  /** {@link fingerprint} of the request body the key was first used with. */
  readonly fingerprint: string;
  readonly orderId: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** Place a new order, answer with the one placed before, or refuse the reused key. */
export type IdempotencyDecision =
  | { readonly kind: 'fresh' }
  | { readonly kind: 'replay'; readonly orderId: string }
  | { readonly kind: 'conflict' };

/**
 * A digest of a JSON value that ignores key order, so `{a,b}` and `{b,a}` are the same request.
 * @example fingerprint({ lines, shippingAddress, payment }) // 'e3b0c442…'
 */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * @param record what is remembered for the customer's key, if anything
 * @example decideIdempotency(await orders.findIdempotencyRecord(customerId, key), fingerprint(body), now)
 */
export function decideIdempotency(
  record: IdempotencyRecord | undefined,
  requestFingerprint: string,
  now: Date,
): IdempotencyDecision {
  if (!record || now.getTime() - Date.parse(record.createdAt) >= IDEMPOTENCY_TTL_MS) return { kind: 'fresh' };
  if (record.fingerprint === requestFingerprint) return { kind: 'replay', orderId: record.orderId };
  return { kind: 'conflict' };
}
