/**
 * Test helpers shared by every context's handler tests: a handler context with a silent logger
 * and plain request objects, so handlers run without any Lambda event or HTTP server.
 * @module
 */
import { ANONYMOUS, type AuthContext, type HandlerContext, silentLogger } from '@charter/platform/runtime';

/** Any generated handler: one request in, one response (or a promise of one) out. */
// biome-ignore lint/suspicious/noExplicitAny: the request type is inferred per handler by `invoke`.
type AnyHandler = (request: any) => unknown;

type RequestOf<H extends AnyHandler> = Parameters<H>[0];
type DepsOf<H extends AnyHandler> = RequestOf<H>['context']['deps'];

/** The parts of a request a test sets; everything left out gets an empty default. */
export type RequestParts<H extends AnyHandler> = Partial<
  Pick<RequestOf<H>, 'path' | 'query' | 'headers' | 'cookies' | 'body' | 'auth'>
> & {
  /** @default 'test-request' */
  readonly requestId?: string;
  /** @default 30_000 */
  readonly remainingTimeMs?: number;
};

/**
 * A handler context as the runtime core builds it, minus the wiring.
 * @example const context = testContext(createDeps());
 */
export function testContext<D>(
  deps: D,
  options: {
    readonly requestId?: string;
    readonly remainingTimeMs?: number;
    readonly operationId?: string;
  } = {},
): HandlerContext<D> {
  const remaining = options.remainingTimeMs ?? 30_000;
  return {
    requestId: options.requestId ?? 'test-request',
    operationId: options.operationId ?? 'test',
    logger: silentLogger,
    remainingTimeMs: () => remaining,
    deps,
  };
}

/**
 * Calls a handler with a plain request object; parts are type-checked against that handler's
 * generated request type, and the result is its generated response union.
 * @example
 * const response = await invoke(getOrder, deps, { path: { orderId }, auth: bearer('u_1', ['orders:read']) });
 * expect(response.status).toBe(200);
 */
export async function invoke<H extends AnyHandler>(
  handler: H,
  deps: DepsOf<H>,
  parts: RequestParts<H> = {},
): Promise<Awaited<ReturnType<H>>> {
  const { requestId, remainingTimeMs, ...request } = parts;
  return (await handler({
    path: {},
    query: {},
    headers: {},
    cookies: {},
    body: undefined,
    auth: ANONYMOUS,
    ...request,
    context: testContext(deps, { requestId, remainingTimeMs }),
  })) as Awaited<ReturnType<H>>;
}

/**
 * The auth a verified bearer JWT yields.
 * @example bearer('auth0|42', ['orders:write'])
 */
export function bearer(subject: string, scopes: readonly string[] = []): AuthContext {
  return { scheme: 'bearerAuth', subject, scopes, claims: { sub: subject, scope: scopes.join(' ') } };
}

/**
 * The auth a valid `X-Api-Key` yields; the subject is the key's id.
 * @example apiKey('storefront')
 */
export function apiKey(keyId: string): AuthContext {
  return { scheme: 'apiKey', subject: keyId, scopes: [], claims: {} };
}
