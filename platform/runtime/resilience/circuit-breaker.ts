/**
 * A circuit breaker for calls to another context: after `failureThreshold` failures in a row it
 * opens and fails fast for `coolDownMs` (no call is made), then lets one probe through; the
 * probe's success closes it, its failure opens it again. Time comes from an injected clock so
 * the behaviour is testable without waiting.
 * @module
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. @default 3 */
  readonly failureThreshold?: number;
  /** How long an open circuit fails fast before it lets a probe through. @default 30_000 */
  readonly coolDownMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Thrown instead of calling while the circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`the circuit is open; the next probe is allowed in ${retryAfterMs} ms`);
    this.name = 'CircuitOpenError';
  }
}

/**
 * @example
 * const breaker = new CircuitBreaker({ coolDownMs: 10_000 });
 * const result = await breaker.call(() => fetchRecommendations(id));
 */
export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;
  readonly #threshold: number;
  readonly #coolDownMs: number;
  readonly #now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.#threshold = options.failureThreshold ?? 3;
    this.#coolDownMs = options.coolDownMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.#state === 'open' && this.#now() - this.#openedAt >= this.#coolDownMs) return 'half-open';
    return this.#state;
  }

  /** Runs `operation` unless the circuit is open; a rejection counts as a failure. */
  async call<T>(operation: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.#probing)) {
      throw new CircuitOpenError(Math.max(0, this.#coolDownMs - (this.#now() - this.#openedAt)));
    }
    if (state === 'half-open') this.#probing = true;
    try {
      const result = await operation();
      this.#state = 'closed';
      this.#failures = 0;
      return result;
    } catch (error) {
      this.#failures++;
      if (state === 'half-open' || this.#failures >= this.#threshold) {
        this.#state = 'open';
        this.#openedAt = this.#now();
      }
      throw error;
    } finally {
      if (state === 'half-open') this.#probing = false;
    }
  }
}
