/**
 * RFC 9457 problem details. Every error the runtime answers is one of these classes, rendered
 * as `application/problem+json`; raw causes (ajv errors, exceptions) stay in `cause` and logs.
 * @module
 */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** One failing field of a 400. */
export interface FieldError {
  readonly in: 'body' | 'query' | 'path' | 'header' | 'cookie';
  readonly name?: string;
  readonly pointer?: string;
  readonly message: string;
}

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
}

let savedStackTraceLimit = Error.stackTraceLimit;

/**
 * An HTTP error is an answer to the client, not a fault: nothing reads its stack, and capturing
 * one costs more than the rest of a 400. Called in `super(...)`'s arguments, before V8 captures.
 */
function withoutStack<T>(value: T): T {
  savedStackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return value;
}

/**
 * Base of every HTTP error: a status, a stable problem type and a safe detail.
 * @example throw new HttpError(409, 'conflict', 'Conflict', 'The order was already shipped.');
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Short slug; the problem `type` is `urn:charter:problem:<slug>`. */
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(detail, withoutStack(options));
    Error.stackTraceLimit = savedStackTraceLimit;
    this.name = 'HttpError';
  }

  toProblem(instance: string): ProblemBody {
    return {
      type: `urn:charter:problem:${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      instance,
    };
  }
}

/** 400: the request breaks the contract; lists every failing field. */
export class RequestValidationError extends HttpError {
  constructor(
    readonly errors: readonly FieldError[],
    options?: { cause?: unknown },
  ) {
    const count = errors.length === 1 ? '1 field is' : `${errors.length} fields are`;
    super(
      400,
      'request-validation',
      'Bad Request',
      `The request does not match the contract: ${count} invalid.`,
      {},
      options,
    );
    this.name = 'RequestValidationError';
  }

  override toProblem(instance: string): ProblemBody {
    // Written out rather than spread over super's: the common 400 is built on every bad request.
    return {
      type: `urn:charter:problem:${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      instance,
      errors: this.errors,
    };
  }
}

export class NotFoundError extends HttpError {
  constructor(method: string, path: string) {
    super(404, 'not-found', 'Not Found', `No operation matches ${method} ${path}.`);
    this.name = 'NotFoundError';
  }
}

export class MethodNotAllowedError extends HttpError {
  constructor(method: string, path: string, allowed: readonly string[]) {
    super(
      405,
      'method-not-allowed',
      'Method Not Allowed',
      `${path} does not accept ${method}; it accepts ${allowed.join(', ')}.`,
      {
        allow: allowed.join(', '),
      },
    );
    this.name = 'MethodNotAllowedError';
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail: string, challenge: string | undefined) {
    super(401, 'unauthorized', 'Unauthorized', detail, challenge ? { 'www-authenticate': challenge } : {});
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail: string) {
    super(403, 'forbidden', 'Forbidden', detail);
    this.name = 'ForbiddenError';
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor(received: string | undefined, accepted: readonly string[]) {
    const what = received
      ? `Content-Type ${received} is not accepted`
      : 'The request has a body but no Content-Type';
    super(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      `${what}; send one of: ${accepted.join(', ')}.`,
      {
        accept: accepted.join(', '),
      },
    );
    this.name = 'UnsupportedMediaTypeError';
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limit: number) {
    super(413, 'payload-too-large', 'Content Too Large', `The request body is larger than ${limit} bytes.`);
    this.name = 'PayloadTooLargeError';
  }
}

export class NotImplementedError extends HttpError {
  constructor(operationId: string) {
    super(
      501,
      'not-implemented',
      'Not Implemented',
      `Operation ${operationId} is in the contract but has no handler yet.`,
    );
    this.name = 'NotImplementedError';
  }
}

/** 500 that reveals nothing internal; the request id ties it to the log line. */
export class InternalServerError extends HttpError {
  constructor(requestId: string, options?: { cause?: unknown }) {
    super(
      500,
      'internal',
      'Internal Server Error',
      `The request could not be completed. Quote request id ${requestId} when reporting this.`,
      {},
      options,
    );
    this.name = 'InternalServerError';
  }
}

/** 500 in development and test: the handler answered something the contract does not allow. */
export class ResponseContractError extends HttpError {
  constructor(
    operationId: string,
    readonly mismatches: readonly string[],
  ) {
    super(
      500,
      'response-contract',
      'Response Does Not Match The Contract',
      `${operationId} answered outside its contract: ${mismatches.join('; ')}.`,
    );
    this.name = 'ResponseContractError';
  }
}
