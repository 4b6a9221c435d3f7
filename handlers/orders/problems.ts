/**
 * The orders context's RFC 9457 problem responses, with bodies shaped as the contract's `Problem`.
 * @module
 */
import type { components } from '../../generated/orders/types.gen.ts';
import type { OrderStatus } from './domain/order.ts';
import type { DuplicateLine } from './domain/order-lines.ts';
import type { OrderRejection } from './domain/place-order.ts';

type Problem = components['schemas']['Problem'];

/** A problem response with a literal status, so it only fits operations that declare it. */
export interface ProblemResponse<S extends number> {
  readonly status: S;
  readonly body: Problem;
  readonly headers?: Readonly<Record<string, string>>;
}

// `type` follows the runtime's own problems (`urn:charter:problem:<slug>`) and `instance` carries
// the request id, so a client's bug report leads straight to the log line.
function problem<S extends number>(
  status: S,
  slug: string,
  title: string,
  detail: string,
  requestId: string,
): { readonly status: S; readonly body: Problem } {
  const body = {
    type: `urn:charter:problem:${slug}`,
    title,
    status,
    detail,
    instance: `urn:request:${requestId}`,
  };
  return { status, body };
}

/**
 * The core only lets a request through with verified credentials, so this guards against an
 * authenticator that verified a token without a `sub`: without one there is no customer.
 * @example if (!auth.subject) return noCustomer(context.requestId);
 */
export function noCustomer(requestId: string): ProblemResponse<401> {
  return {
    ...problem(
      401,
      'unauthorized',
      'Unauthorized',
      'The token does not name a customer (no sub claim).',
      requestId,
    ),
    headers: { 'WWW-Authenticate': 'Bearer realm="orders"' },
  };
}

/** @example return orderNotFound(path.orderId, context.requestId); */
export function orderNotFound(orderId: string, requestId: string): ProblemResponse<404> {
  return problem(404, 'order-not-found', 'Order not found', `Order ${orderId} does not exist.`, requestId);
}

/** @example return notCancellable(orderId, 'shipped', context.requestId); */
export function notCancellable(
  orderId: string,
  status: OrderStatus,
  requestId: string,
): ProblemResponse<409> {
  const detail = `Order ${orderId} is ${status}; only placed or paid orders can be cancelled.`;
  return problem(409, 'order-not-cancellable', 'Order cannot be cancelled', detail, requestId);
}

/** @example return orderRejected(outcome.rejection, context.requestId); */
export function orderRejected(rejection: OrderRejection, requestId: string): ProblemResponse<409> {
  switch (rejection.reason) {
    case 'unknown-product':
      return problem(
        409,
        'unknown-product',
        'Unknown product',
        `Product ${rejection.productId} is not in the catalog.`,
        requestId,
      );
    case 'out-of-stock':
      return problem(
        409,
        'out-of-stock',
        'Out of stock',
        `Only ${rejection.available} of the ${rejection.requested} requested units of product ${rejection.productId} are in stock.`,
        requestId,
      );
    case 'currency-mismatch':
      return problem(
        409,
        'currency-mismatch',
        'Mixed currencies',
        `Product ${rejection.productId} is priced in ${rejection.currency}, the rest of the order in ${rejection.expected}.`,
        requestId,
      );
    case 'idempotency-key-reused':
      return problem(
        409,
        'idempotency-key-reused',
        'Idempotency key reused',
        `Idempotency-Key ${rejection.key} was used for a different request.`,
        requestId,
      );
  }
}

/** A 400 listing every line that repeats a product. @example return duplicateLinesProblem(outcome.duplicates, requestId); */
export function duplicateLinesProblem(
  duplicates: readonly DuplicateLine[],
  requestId: string,
): ProblemResponse<400> {
  const { status, body } = problem(
    400,
    'duplicate-lines',
    'Bad Request',
    'Each product may appear on one line only.',
    requestId,
  );
  const errors = duplicates.map((d) => ({
    in: 'body' as const,
    pointer: `/lines/${d.index}/productId`,
    message: `repeats the product of line ${d.firstIndex}`,
  }));
  return { status, body: { ...body, errors } };
}

/** A 400 for a cursor this service did not issue. @example return invalidCursor(context.requestId); */
export function invalidCursor(requestId: string): ProblemResponse<400> {
  const message = 'is not a cursor this API issued';
  const { status, body } = problem(
    400,
    'invalid-cursor',
    'Bad Request',
    `Query parameter cursor ${message}.`,
    requestId,
  );
  return { status, body: { ...body, errors: [{ in: 'query', name: 'cursor', message }] } };
}
