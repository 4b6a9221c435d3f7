/**
 * A {@link SignalRepository} over fixed data, for tests and for `charter dev`.
 * @module
 */
import type { ProductSignals, SignalRepository, UserHistory, WeightedProduct } from './repository.ts';

/** All the signals, as plain data. */
export interface SignalData {
  readonly products: Readonly<Record<string, ProductSignals>>;
  readonly trending: readonly WeightedProduct[];
  readonly users: Readonly<Record<string, UserHistory>>;
  readonly sessions: Readonly<Record<string, readonly string[]>>;
}

/**
 * Signals in memory; reads return copies so callers cannot change the data.
 * @example const signals = new InMemorySignalRepository(seedSignals);
 */
export class InMemorySignalRepository implements SignalRepository {
  readonly #data: SignalData;

  constructor(data: SignalData) {
    this.#data = structuredClone(data);
  }

  async productSignals(productId: string): Promise<ProductSignals | undefined> {
    return copy(own(this.#data.products, productId));
  }

  async trending(): Promise<readonly WeightedProduct[]> {
    return structuredClone(this.#data.trending);
  }

  async userHistory(userId: string): Promise<UserHistory | undefined> {
    return copy(own(this.#data.users, userId));
  }

  async sessionViews(sessionId: string): Promise<readonly string[]> {
    return [...(own(this.#data.sessions, sessionId) ?? [])];
  }
}

// Ids come from URLs: `constructor` or `__proto__` must not find Object.prototype's members.
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function copy<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(value);
}
