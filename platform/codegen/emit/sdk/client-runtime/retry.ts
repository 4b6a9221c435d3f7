/**
 * When to try a request again and how long to wait first. Pure functions of the attempt, the
 * response and the options, so the policy is readable in one place and testable without a
 * server.
 * @module
 */
import type { Retries } from './types.js';

export interface RetryPolicy {
  readonly max: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
}

const METHODS_SAFE_TO_REPEAT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * @example retryPolicy(3) // { max: 3, baseDelayMs: 100, maxDelayMs: 2000, maxRetryAfterMs: 10000 }
 */
export function retryPolicy(retries: Retries | undefined): RetryPolicy {
  const options = typeof retries === 'object' ? retries : { max: retries === false ? 0 : retries };
  return {
    max: Math.max(0, Math.floor(options.max ?? 2)),
    baseDelayMs: options.baseDelayMs ?? 100,
    maxDelayMs: options.maxDelayMs ?? 2_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
  };
}

/** GET, PUT, DELETE... may be repeated; POST and PATCH only with an Idempotency-Key. @example isIdempotent('POST', true) // true */
export function isIdempotent(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || METHODS_SAFE_TO_REPEAT.has(method);
}

/**
 * 429 and 503 say the server did not process the request, so any method may be repeated;
 * the other transient statuses only for requests that are safe to repeat.
 * @example shouldRetryStatus(503, false) // true
 */
export function shouldRetryStatus(status: number, idempotent: boolean): boolean {
  if (status === 429 || status === 503) return true;
  return idempotent && (status === 408 || status === 500 || status === 502 || status === 504);
}

/** A network failure (fetch's TypeError) or an attempt that ran out of time. @example isTransientError(new TypeError('fetch failed')) // true */
export function isTransientError(error: unknown): boolean {
  return error instanceof TypeError || (error as { name?: unknown } | null)?.name === 'TimeoutError';
}

/**
 * Milliseconds to wait before retry number `attempt + 1`: what `Retry-After` asks, or
 * exponential backoff with full jitter. `undefined` when `Retry-After` asks for longer than
 * `maxRetryAfterMs`: the caller gets the response instead of a long silent wait.
 * @example retryDelay(1, policy, '2', Date.now()) // 2000
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfter: string | null,
  now: number,
  random: () => number = Math.random,
): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked <= policy.maxRetryAfterMs ? asked : undefined;
  // Full jitter (a random wait up to the exponential ceiling) spreads clients that failed
  // together, so they do not all come back at the same moment.
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/**
 * `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * @example parseRetryAfter('3', 0) // 3000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
