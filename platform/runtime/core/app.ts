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

const NO_COOKIES: Readonly<Record<string, string>> = Object.freeze(Object.create(null));
const unlimitedTime = () => Number.POSITIVE_INFINITY;

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
  /**
   * {@link App.handle} without the promise when the request needed none: a transport that can
   * use a plain value (the Lambda adapter) saves a promise hop per request.
   */
  answer(request: CoreRequest): CoreResponse | Promise<CoreResponse>;
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

  // The pipeline runs synchronously as far as it can. A step that returns a promise (the first
  // use of an operation, an asynchronous authenticator or handler, the first response check)
  // continues from its result; every other request is answered without a promise hop, which
  // on a small request costs as much as routing and validation together.
  function run(
    request: CoreRequest,
    log: () => Logger,
    state: { operationId?: string },
  ): CoreResponse | Promise<CoreResponse> {
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
    const pathDecoded = byTemplate !== undefined;
    const operation = loaded.get(route.operationId);
    if (!operation) {
      return load(route).then((loadedOperation) =>
        checkRequest(request, log, route, loadedOperation, pathValues, pathDecoded),
      );
    }
    return checkRequest(request, log, route, operation, pathValues, pathDecoded);
  }

  function checkRequest(
    request: CoreRequest,
    log: () => Logger,
    route: RouteEntry,
    operation: CompiledOperation,
    pathValues: Record<string, string>,
    pathDecoded: boolean,
  ): CoreResponse | Promise<CoreResponse> {
    const fieldErrors: FieldError[] = [];
    const query =
      typeof request.query === 'string' ? parseQueryString(request.query, fieldErrors) : request.query;
    const cookies = request.headers.cookie === undefined ? NO_COOKIES : parseCookies(request.headers.cookie);

    const validateAndCall = (auth: AuthContext): CoreResponse | Promise<CoreResponse> => {
      const contentType = request.headers['content-type'];
      const body = readBody(operation, request.body, contentType, maxBodyBytes);

      const parameters = decodeParameters(
        operation.parameters,
        { path: pathValues, pathDecoded, query, headers: request.headers, cookies },
        fieldErrors,
      );
      if (fieldErrors.length === 0 && !operation.validateParameters(parameters)) {
        fieldErrors.push(...parameterErrors(operation.validateParameters.errors ?? []));
      }
      if (body.media?.validate && !validateBody(body.media.validate, body.value)) {
        fieldErrors.push(...bodyErrors(body.media.validate.errors ?? []));
      }
      // Answered, not thrown: the invalid request is the common failure, and a rejected promise
      // costs as much as building the answer.
      if (fieldErrors.length > 0) {
        return problemResponse(new RequestValidationError(fieldErrors), `urn:request:${request.requestId}`);
      }

      const handler = options.handlers[route.operationId] as ((request: unknown) => unknown) | undefined;
      if (!handler) throw new NotImplementedError(route.operationId);
      const context: HandlerContext<D> = new RequestContext(
        request.requestId,
        route.operationId,
        log,
        request.remainingTimeMs ?? unlimitedTime,
        options.deps,
      );
      const result = handler({
        path: parameters.path,
        query: parameters.query,
        headers: parameters.header,
        cookies: parameters.cookie,
        body: body.value,
        auth,
        context,
      });
      if (isThenable(result)) {
        return Promise.resolve(result).then((settled) =>
          respond(operation, route.operationId, settled as HandlerResult, log),
        );
      }
      return respond(operation, route.operationId, result as HandlerResult, log);
    };

    const authorized = authorize(
      operation,
      { headers: request.headers, query, cookies, verified: request.verified },
      options.authenticator,
    );
    return authorized instanceof Promise ? authorized.then(validateAndCall) : validateAndCall(authorized);
  }

  function respond(
    operation: CompiledOperation,
    operationId: string,
    result: HandlerResult,
    log: () => Logger,
  ): CoreResponse | Promise<CoreResponse> {
    if (mode !== 'off') {
      if (!responseValidators) {
        return options.routes.loadResponseValidators().then((module) => {
          responseValidators ??= module.default;
          return respond(operation, operationId, result, log);
        });
      }
      const mismatches = responseMismatches(operation, result, responseValidators);
      if (mismatches.length > 0) {
        log().warn('response does not match the contract', { operationId, mismatches });
        if (mode === 'enforce') throw new ResponseContractError(operationId, mismatches);
        if (!result || typeof result !== 'object' || !Number.isInteger(result.status)) {
          throw new Error(`${operationId} returned ${typeof result} instead of { status, body }`);
        }
      }
    }
    return serialize(operation, result);
  }

  const logRequests = options.logRequests !== false;

  function answer(request: CoreRequest): CoreResponse | Promise<CoreResponse> {
    const timed = logRequests && logger.enabled?.('info') !== false;
    const started = timed ? performance.now() : 0;
    // The request's logger is made when something logs: most requests never do.
    let child: Logger | undefined;
    const log = () => {
      child ??= logger.child({ requestId: request.requestId });
      return child;
    };
    const state: { operationId?: string } = {};
    const finish = (response: CoreResponse): CoreResponse => {
      if (timed) {
        log().info('request', {
          method: request.method,
          path: request.path,
          operationId: state.operationId,
          status: response.status,
          ms: Math.round((performance.now() - started) * 100) / 100,
        });
      }
      if (state.operationId) (response as { operationId?: string }).operationId = state.operationId;
      return response;
    };
    const fail = (error: unknown) => finish(errorResponse(error, request, log(), state.operationId));
    let outcome: CoreResponse | Promise<CoreResponse>;
    try {
      outcome = run(request, log, state);
    } catch (error) {
      return fail(error);
    }
    return outcome instanceof Promise ? outcome.then(finish, fail) : finish(outcome);
  }

  return {
    context: options.routes.context,
    answer,
    handle(request) {
      try {
        const outcome = answer(request);
        return outcome instanceof Promise ? outcome : Promise.resolve(outcome);
      } catch (error) {
        // Only a logger can throw this far; the caller still gets a promise, as from an async function.
        return Promise.reject(error);
      }
    },
  };
}

/** What a handler gets as `context`; its logger is made on first use. */
class RequestContext<D> implements HandlerContext<D> {
  readonly #log: () => Logger;

  constructor(
    readonly requestId: string,
    readonly operationId: string,
    log: () => Logger,
    readonly remainingTimeMs: () => number,
    readonly deps: D,
  ) {
    this.#log = log;
  }

  get logger(): Logger {
    return this.#log();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value instanceof Promise ||
    (value !== null &&
      (typeof value === 'object' || typeof value === 'function') &&
      typeof (value as { then?: unknown }).then === 'function')
  );
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
