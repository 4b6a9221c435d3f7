/**
 * The public types every generated SDK shares: client options, per-call options, and the
 * `{ data, error, response }` result whose `error` is typed by status.
 *
 * This folder is the source of each SDK's `src/runtime/`: `charter generate` copies it into
 * every package, which is why its imports end in `.js` (they must resolve once published) and
 * why nothing here may import anything but openapi-fetch.
 * @module
 */
import type { FetchOptions, FetchResponse, HeadersOptions } from 'openapi-fetch';

/**
 * A secret, or a function that returns the current one. A function is called before every
 * request, so it can hand out a refreshed token; `undefined` sends no credential.
 * @example const auth = { bearerAuth: async () => (await session()).accessToken };
 */
export type Credential = string | (() => string | undefined | Promise<string | undefined>);

/**
 * How failed attempts are retried. Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, and a
 * POST or PATCH that carries an Idempotency-Key) are retried after network errors, timeouts and
 * 408/500/502/503/504; every method is retried after 429 and 503, which say the request was not
 * processed. Waits grow exponentially with full jitter, or follow the server's `Retry-After`.
 * @example { max: 3, baseDelayMs: 200 }
 */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. @default 2 */
  readonly max?: number;
  /** The longest first wait; every retry doubles it, and a random share of it is waited. @default 100 */
  readonly baseDelayMs?: number;
  /** The longest wait between two attempts without `Retry-After`. @default 2_000 */
  readonly maxDelayMs?: number;
  /** The longest `Retry-After` that is waited for; a longer one returns the response as it is. @default 10_000 */
  readonly maxRetryAfterMs?: number;
}

/** `false` or `0` turns retries off; a number sets `RetryOptions.max`. */
export type Retries = number | false | RetryOptions;

/**
 * Options of one call, on top of openapi-fetch's (`params`, `body`, `headers`, `signal`, ...).
 * @example { params: { path: { productId } }, timeoutMs: 300, retries: 0, signal }
 */
export interface CallOptions {
  /** Budget of each attempt, body included; overrides the client's. @default the client's `timeoutMs` */
  readonly timeoutMs?: number;
  /** @default the client's `retries` */
  readonly retries?: Retries;
}

/**
 * @example createClient({ baseUrl: 'http://localhost:3000/catalog', timeoutMs: 2_000 })
 */
export interface ClientOptions<Auth> {
  /** The API's address, e.g. `https://api.shop.example/catalog` or `http://localhost:3000/catalog`. */
  readonly baseUrl: string;
  /** Credentials per security scheme of the contract. @default none: no credentials are sent */
  readonly auth?: Auth;
  /**
   * Budget of each attempt in milliseconds, from sending the request to reading the whole body.
   * The attempt fails with a `TimeoutError` (a DOMException) when it runs out. 0 waits forever.
   * @default 10_000
   */
  readonly timeoutMs?: number;
  /** @default 2 */
  readonly retries?: Retries;
  /** The fetch to send requests with (tests, tracing, a keep-alive agent). @default globalThis.fetch */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. @default none */
  readonly headers?: HeadersOptions;
}

/** Every registered HTTP client error status (RFC 9110 and the IANA registry). */
export type ClientErrorStatus =
  | 400
  | 401
  | 402
  | 403
  | 404
  | 405
  | 406
  | 407
  | 408
  | 409
  | 410
  | 411
  | 412
  | 413
  | 414
  | 415
  | 416
  | 417
  | 418
  | 421
  | 422
  | 423
  | 424
  | 425
  | 426
  | 428
  | 429
  | 431
  | 451;

/** Every registered HTTP server error status. */
export type ServerErrorStatus = 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511;

export type ErrorStatus = ClientErrorStatus | ServerErrorStatus;

/**
 * The error of a status the contract does not declare for the operation (a gateway's 502, a
 * throttling 429, ...): an RFC 9457 problem with at least its status.
 */
export interface UndeclaredProblem<S> {
  status: S;
  type?: string;
  title?: string;
  detail?: string;
  instance?: string;
}

type BodyOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

type WithStatus<B, S> = B extends object ? B & { status: S } : UndeclaredProblem<S>;

/**
 * The error body the contract declares for one response of an operation, with `status` narrowed
 * to that response's status, so `if (error.status === 409)` selects it.
 * @example type Conflict = ProblemOf<operations['createProduct'], 409>;
 */
export type ProblemOf<Op, Key, S = Key> = Op extends { responses: infer R }
  ? Key extends keyof R
    ? WithStatus<BodyOf<R[Key]>, S>
    : never
  : never;

// The constraint matters: with `Op & Record<...>` instead, openapi-fetch's success type gains `| undefined`.
type Success<Op extends Record<string, unknown>> = Extract<
  FetchResponse<Op, object, `${string}/${string}`>,
  { error?: never }
>;

/**
 * What an operation function resolves to: the body of a 2XX response in `data`, or the problem
 * in `error` (its `status` always equals `response.status`). Network failures and timeouts
 * reject instead, as fetch does.
 */
export type Outcome<Op extends Record<string, unknown>, E> =
  | { data: Success<Op>['data']; error?: never; response: Response }
  | { data?: never; error: E; response: Response };

/** The second argument of an operation function: openapi-fetch's options plus `CallOptions`. */
export type InitOf<Op> = Omit<FetchOptions<Op>, 'fetch' | 'parseAs' | 'querySerializer' | 'baseUrl'> &
  CallOptions;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Makes the options argument optional when the operation needs no parameter and no body. */
export type InitArgs<Op> = RequiredKeys<InitOf<Op>> extends never ? [init?: InitOf<Op>] : [init: InitOf<Op>];
