/**
 * The catalog's RFC 9457 problem responses, with bodies shaped as the contract's `Problem`.
 * @module
 */
import type { components } from '../../generated/catalog/types.gen.ts';

type Problem = components['schemas']['Problem'];

/** A problem response with a literal status, so it only fits operations that declare it. */
export interface ProblemResponse<S extends number> {
  readonly status: S;
  readonly body: Problem;
}

// `type` follows the runtime's own problems (`urn:charter:problem:<slug>`) and `instance` carries
// the request id, so a client's bug report leads straight to the log line.
function problem<S extends number>(
  status: S,
  slug: string,
  title: string,
  detail: string,
  requestId: string,
): ProblemResponse<S> {
  const body = {
    type: `urn:charter:problem:${slug}`,
    title,
    status,
    detail,
    instance: `urn:request:${requestId}`,
  };
  return { status, body };
}

/** @example return productNotFound(path.productId, context.requestId); */
export function productNotFound(id: string, requestId: string): ProblemResponse<404> {
  return problem(404, 'product-not-found', 'Product not found', `Product ${id} does not exist.`, requestId);
}

/** @example return skuTaken('TR2-BLK-42', context.requestId); */
export function skuTaken(sku: string, requestId: string): ProblemResponse<409> {
  return problem(
    409,
    'sku-taken',
    'SKU already taken',
    `Another product already uses SKU ${sku}.`,
    requestId,
  );
}

/**
 * A 400 for a query value the contract's schema cannot judge, such as a cursor from another sort.
 * @example return invalidQuery('cursor', 'is not a cursor this API issued', context.requestId);
 */
export function invalidQuery(name: string, message: string, requestId: string): ProblemResponse<400> {
  const { status, body } = problem(
    400,
    'invalid-query',
    'Bad Request',
    `Query parameter ${name} ${message}.`,
    requestId,
  );
  return { status, body: { ...body, errors: [{ in: 'query', name, message }] } };
}
