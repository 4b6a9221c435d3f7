/**
 * The body of every generated operation function: one openapi-fetch call with the
 * operation's security, idempotency header and query styles, sent through `send`.
 * @module
 */
import type { Security } from './auth.js';
import { settingsOf } from './create-client.js';
import { problemFrom } from './problem.js';
import { type QueryStyles, querySerializerFor } from './query.js';
import { retryPolicy } from './retry.js';
import { type BodyHold, send } from './send.js';
import type { CallOptions } from './types.js';

/** What the generated code knows about one operation. */
export interface OperationSpec {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  readonly path: string;
  /** Empty: a public operation, sent without credentials. */
  readonly security: Security;
  readonly idempotencyKey?: string;
  readonly query?: QueryStyles;
}

interface RawResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

interface RawClient {
  request(method: string, path: string, init: object): Promise<RawResult>;
}

/**
 * @example return call(client, { method: 'GET', path: '/products/{productId}', security: [] }, init);
 */
export async function call<R>(
  client: object,
  spec: OperationSpec,
  init: (object & CallOptions) | undefined,
): Promise<R> {
  const settings = settingsOf(client);
  const { timeoutMs, retries, signal, ...rest } = (init ?? {}) as CallOptions & {
    signal?: AbortSignal | null;
  };
  // The request openapi-fetch builds carries the first attempt's signal, so it can be sent as it is.
  const first = new AbortController();
  const hold: BodyHold = {};
  const options: Record<string, unknown> = {
    ...rest,
    signal: first.signal,
    fetch: (request: Request) =>
      send(request, settings, {
        security: spec.security,
        idempotencyKey: spec.idempotencyKey,
        timeoutMs,
        retries: retries === undefined ? undefined : retryPolicy(retries),
        first,
        signal: signal ?? undefined,
        hold,
      }),
  };
  if (spec.query) options.querySerializer = querySerializerFor(spec.query);
  let result: RawResult;
  try {
    result = await (client as RawClient).request(spec.method, spec.path, options);
  } catch (error) {
    throw hold.signal?.aborted ? hold.signal.reason : error;
  } finally {
    hold.release?.();
  }
  if (result.response.ok) return result as R;
  return { error: problemFrom(result.error, result.response), response: result.response } as R;
}
