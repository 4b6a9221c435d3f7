/**
 * The runtime core: one request in, one response out, with no knowledge of Lambda or node:http.
 * Route → authenticate → media type → size → parse → validate → handler → response check →
 * serialize, exactly as DESIGN.md orders them. The Lambda adapter and the local gateway are two
 * thin doors into this function.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { type Authenticator, authorize, type VerifiedIdentity } from './authenticate.ts';
import { decodeParameters } from './decode-parameters.ts';
import { bodyErrors, parameterErrors } from './field-errors.ts';
import type { AuthContext, HandlerContext } from './handler-types.ts';
import { jsonLogger, type Logger } from './logger.ts';
import type {
  CompiledOperation,
  ContextRoutes,
  ResponseValidators,
  RouteEntry,
  ValidateFunction,
} from './operation.ts';
import {
  type FieldError,
  HttpError,
  InternalServerError,
  MethodNotAllowedError,
  NotFoundError,
  NotImplementedError,
  RequestValidationError,
  ResponseContractError,
} from './problem.ts';
import { parseCookies, parseQueryString } from './query-string.ts';
import { readBody } from './read-body.ts';
import {
  type CoreResponse,
  type HandlerResult,
  problemResponse,
  responseMismatches,
  serialize,
} from './respond.ts';
import { createRouter } from './router.ts';

/** API Gateway's payload limit, which the local gateway mirrors. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface CoreRequest {
  /** Upper-case method. */
  readonly method: string;
  /** Request path (`/products/42`), not percent-decoded. */
  readonly path: string;
  /**
   * A prefix the path may carry in front of the contract's paths (`/catalog` behind a custom
   * domain's base path mapping). Tried only when the whole path matches nothing, so a context
   * whose own paths start with its name (`/orders` in orders) still routes.
   */
  readonly basePath?: string;
  /** A raw query string, or parameters the transport already decoded. */
  readonly query: string | Readonly<Record<string, readonly string[]>>;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body?: string | Uint8Array;
  readonly requestId: string;
  /** A route the transport already matched (API Gateway's `resource`), with decoded path values. */
  readonly matched?: { readonly template: string; readonly pathParameters: Readonly<Record<string, string>> };
  /** Claims API Gateway's authorizer verified. */
  readonly verified?: VerifiedIdentity;
  readonly remainingTimeMs?: () => number;
}

export type AnyHandler = (request: never) => unknown;

/** What decides whether handler results are checked against the contract. */
export type ResponseValidationMode = 'enforce' | 'log' | 'off';

export interface AppOptions<D> {
  readonly routes: ContextRoutes;
  /** Handlers by operationId; an operation without one answers 501 after validation. */
  readonly handlers: Readonly<Partial<Record<string, AnyHandler>>>;
  readonly deps: D;
  readonly authenticator: Authenticator;
  /** @default 'enforce', or 'log' when NODE_ENV is production */
  readonly responseValidation?: ResponseValidationMode;
  /** @default 10 MiB (API Gateway's limit) */
  readonly maxBodyBytes?: number;
  /** @default JSON lines on stdout */
  readonly logger?: Logger;
  /** Log one line per request. @default true */
  readonly logRequests?: boolean;
}

export interface App {
  readonly context: string;
  handle(request: CoreRequest): Promise<CoreResponse>;
}

/** @example const app = createApp({ routes: contextRoutes, handlers, deps, authenticator }); */
export function createApp<D>(options: AppOptions<D>): App {
  const router = createRouter(options.routes.routes);
  const logger = options.logger ?? jsonLogger();
  const mode = options.responseValidation ?? (process.env.NODE_ENV === 'production' ? 'log' : 'enforce');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const loaded = new Map<string, CompiledOperation>();
  let responseValidators: ResponseValidators | undefined;

  async function load(route: RouteEntry): Promise<CompiledOperation> {
    let operation = loaded.get(route.operationId);
    if (!operation) {
      operation = (await route.load()).default;
      loaded.set(route.operationId, operation);
    }
    return operation;
  }

  async function run(
    request: CoreRequest,
    log: Logger,
    state: { operationId?: string },
  ): Promise<CoreResponse> {
    const byTemplate = request.matched && router.byTemplate(request.method, request.matched.template);
    let route: RouteEntry;
    let pathValues: Record<string, string>;
    if (byTemplate && request.matched) {
      route = byTemplate;
      pathValues = { ...request.matched.pathParameters };
    } else {
      let match = router.match(request.method, request.path);
      const base = request.basePath;
      if (match.kind === 'not-found' && base && request.path.startsWith(`${base}/`)) {
        match = router.match(request.method, request.path.slice(base.length));
      }
      if (match.kind === 'not-found') throw new NotFoundError(request.method, request.path);
      if (match.kind === 'method-not-allowed')
        throw new MethodNotAllowedError(request.method, request.path, match.allowed);
      route = match.route;
      pathValues = match.params;
    }
    state.operationId = route.operationId;
    const operation = await load(route);

    const fieldErrors: FieldError[] = [];
    const query =
      typeof request.query === 'string' ? parseQueryString(request.query, fieldErrors) : request.query;
    const cookies = parseCookies(request.headers.cookie);
    const auth = await authorize(
      operation,
      { headers: request.headers, query, cookies, verified: request.verified },
      options.authenticator,
    );

    const contentType = request.headers['content-type'];
    const body = readBody(operation, request.body, contentType, maxBodyBytes);

    const parameters = decodeParameters(
      operation.parameters,
      { path: pathValues, pathDecoded: byTemplate !== undefined, query, headers: request.headers, cookies },
      fieldErrors,
    );
    if (fieldErrors.length === 0 && !operation.validateParameters(parameters)) {
      fieldErrors.push(...parameterErrors(operation.validateParameters.errors ?? []));
    }
    if (body.media?.validate && !validateBody(body.media.validate, body.value)) {
      fieldErrors.push(...bodyErrors(body.media.validate.errors ?? []));
    }
    if (fieldErrors.length > 0) throw new RequestValidationError(fieldErrors);

    const handler = options.handlers[route.operationId] as ((request: unknown) => unknown) | undefined;
    if (!handler) throw new NotImplementedError(route.operationId);
    const context: HandlerContext<D> = {
      requestId: request.requestId,
      operationId: route.operationId,
      logger: log,
      remainingTimeMs: request.remainingTimeMs ?? (() => Number.POSITIVE_INFINITY),
      deps: options.deps,
    };
    const result = (await handler({
      path: parameters.path,
      query: parameters.query,
      headers: parameters.header,
      cookies: parameters.cookie,
      body: body.value,
      auth: auth satisfies AuthContext,
      context,
    })) as HandlerResult;

    if (mode !== 'off') {
      responseValidators ??= (await options.routes.loadResponseValidators()).default;
      const mismatches = responseMismatches(operation, result, responseValidators);
      if (mismatches.length > 0) {
        log.warn('response does not match the contract', { operationId: route.operationId, mismatches });
        if (mode === 'enforce') throw new ResponseContractError(route.operationId, mismatches);
        if (!result || typeof result !== 'object' || !Number.isInteger(result.status)) {
          throw new Error(`${route.operationId} returned ${typeof result} instead of { status, body }`);
        }
      }
    }
    return serialize(operation, result);
  }

  return {
    context: options.routes.context,
    async handle(request) {
      const started = performance.now();
      const log = logger.child({ requestId: request.requestId });
      const state: { operationId?: string } = {};
      let response: CoreResponse;
      try {
        response = await run(request, log, state);
      } catch (error) {
        response = errorResponse(error, request, log, state.operationId);
      }
      if (options.logRequests !== false) {
        log.info('request', {
          method: request.method,
          path: request.path,
          operationId: state.operationId,
          status: response.status,
          ms: Math.round((performance.now() - started) * 100) / 100,
        });
      }
      return state.operationId ? { ...response, operationId: state.operationId } : response;
    },
  };
}

/**
 * A body nested deeper than the stack allows (20,000 levels against a recursive schema) makes a
 * validator overflow; that is the client's malformed input, not a server fault.
 */
function validateBody(validate: ValidateFunction, value: unknown): boolean {
  try {
    return validate(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RequestValidationError(
      [{ in: 'body', message: 'the body is nested too deeply to be checked' }],
      { cause: error },
    );
  }
}

function errorResponse(
  error: unknown,
  request: CoreRequest,
  log: Logger,
  operationId: string | undefined,
): CoreResponse {
  const instance = `urn:request:${request.requestId}`;
  if (error instanceof HttpError) return problemResponse(error, instance);
  log.error('unhandled error', { operationId, error });
  return problemResponse(new InternalServerError(request.requestId, { cause: error }), instance);
}
