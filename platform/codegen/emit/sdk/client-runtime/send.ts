/**
 * The fetch every SDK call goes through: credentials, then attempts, each with its own
 * timeout, retried with backoff when the policy allows. openapi-fetch builds the request and
 * parses the answer; this only decides how it travels.
 * @module
 */
import { type Schemes, type Security, withCredentials } from './auth.js';
import { isIdempotent, isTransientError, type RetryPolicy, retryDelay, shouldRetryStatus } from './retry.js';
import type { Credential } from './types.js';

/** What a client was created with, resolved to defaults. */
export interface Settings {
  readonly fetch: (request: Request) => Promise<Response>;
  readonly auth: Readonly<Record<string, Credential | undefined>> | undefined;
  readonly schemes: Schemes;
  readonly timeoutMs: number;
  readonly retries: RetryPolicy;
}

/**
 * Lets an operation function read the body within the last attempt's timeout: `send` leaves
 * that attempt's timer running and hands over how to stop it.
 */
export interface BodyHold {
  /** Stops the last attempt's timer; call it once the body is read. */
  release?: () => void;
  /** The last attempt's signal: its reason is why reading the body failed, if it aborted. */
  signal?: AbortSignal;
}

/** What one call adds: the operation's security and idempotency header, and per-call limits. */
export interface CallSpec {
  readonly security?: Security;
  /** The Idempotency-Key header as the contract spells it, when the operation declares one. */
  readonly idempotencyKey?: string;
  readonly timeoutMs?: number;
  readonly retries?: RetryPolicy;
  /**
   * The controller whose signal the request already carries: the first attempt then goes out
   * as it is, without building another Request. `signal` is then the caller's own.
   */
  readonly first?: AbortController;
  readonly signal?: AbortSignal;
  readonly hold?: BodyHold;
}

interface Attempt {
  readonly response: Response;
  readonly controller: AbortController;
  readonly done: () => void;
}

/**
 * @example const response = await send(request, settings, { security: [['bearerAuth']], timeoutMs: 300 });
 */
export async function send(original: Request, settings: Settings, call: CallSpec): Promise<Response> {
  const request = await withCredentials(original, settings.schemes, settings.auth, call.security);
  const policy = call.retries ?? settings.retries;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
  const callerSignal = call.first ? call.signal : request.signal;
  const { idempotencyKey } = call;
  // One key for every attempt: that is what lets the server recognise a repeat.
  if (policy.max > 0 && idempotencyKey && !request.headers.has(idempotencyKey))
    request.headers.set(idempotencyKey, crypto.randomUUID());
  const idempotent = isIdempotent(
    request.method,
    Boolean(idempotencyKey && request.headers.has(idempotencyKey)),
  );
  // A body can be read once; keep the bytes when a second attempt may need them.
  const body = policy.max > 0 && request.body !== null ? await request.clone().arrayBuffer() : undefined;

  for (let attempt = 0; ; attempt++) {
    const last = attempt >= policy.max;
    const controller = attempt === 0 && call.first ? call.first : new AbortController();
    const outgoing =
      controller === call.first
        ? request
        : new Request(request, withBody({ signal: controller.signal }, attempt, body));
    let wait: number | undefined;
    try {
      const { response, done } = await attemptOnce(
        settings.fetch,
        outgoing,
        controller,
        callerSignal,
        timeoutMs,
      );
      const retry = !last && shouldRetryStatus(response.status, idempotent);
      wait = retry ? retryDelay(attempt, policy, response.headers.get('retry-after'), Date.now()) : undefined;
      if (wait === undefined) return await deliver(response, controller, done, call.hold);
      done();
      await response.body?.cancel();
    } catch (error) {
      if (last || callerSignal?.aborted || !idempotent || !isTransientError(error)) throw error;
      wait = retryDelay(attempt, policy, null, Date.now());
    }
    await sleep(wait ?? 0, callerSignal);
  }
}

function withBody(init: RequestInit, attempt: number, body: ArrayBuffer | undefined): RequestInit {
  // The first attempt's request still has its own body; later ones get the kept bytes.
  if (attempt > 0 && body !== undefined) init.body = body;
  return init;
}

/** One attempt, its timer armed until `done` is called. */
async function attemptOnce(
  fetch: Settings['fetch'],
  request: Request,
  controller: AbortController,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Attempt> {
  if (callerSignal?.aborted) throw callerSignal.reason;
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0
      ? setTimeout(
          () =>
            controller.abort(
              new DOMException(
                `${request.method} ${request.url} timed out after ${timeoutMs} ms`,
                'TimeoutError',
              ),
            ),
          timeoutMs,
        )
      : undefined;
  const done = () => {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onAbort);
  };
  try {
    return { response: await fetch(request), controller, done };
  } catch (error) {
    done();
    // fetch implementations differ in what they reject with on abort; the reason is what we set.
    throw controller.signal.aborted ? controller.signal.reason : error;
  }
}

/**
 * The body must arrive within the attempt's timeout too, or a server that sends headers and
 * then stalls would hang the call. An operation function reads it itself and then releases
 * the timer (`hold`); any other caller gets the body read here, into a fresh Response.
 */
async function deliver(
  response: Response,
  controller: AbortController,
  done: () => void,
  hold: BodyHold | undefined,
): Promise<Response> {
  if (hold) {
    hold.release = done;
    hold.signal = controller.signal;
    return response;
  }
  try {
    const bytes = await response.arrayBuffer();
    const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, response);
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    done();
  }
}

// Responses to these statuses must not have a body (Fetch standard, "null body status").
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
