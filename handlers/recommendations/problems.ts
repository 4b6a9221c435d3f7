/**
 * The recommendations context's RFC 9457 problem responses, shaped as the contract's `Problem`.
 * @module
 */
import type { components } from '../../generated/recommendations/types.gen.ts';

type Problem = components['schemas']['Problem'];

/** A problem response with a literal status, so it only fits operations that declare it. */
export interface ProblemResponse<S extends number> {
  readonly status: S;
  readonly body: Problem;
}

// `type` follows the runtime's own problems (`urn:charter:problem:<slug>`) and `instance` carries
// the request id, so a client's bug report leads straight to the log line.
function notFound(slug: string, detail: string, requestId: string): ProblemResponse<404> {
  return {
    status: 404,
    body: {
      type: `urn:charter:problem:${slug}`,
      title: 'Not found',
      status: 404,
      detail,
      instance: `urn:request:${requestId}`,
    },
  };
}

/** @example return productNotFound(path.productId, context.requestId); */
export function productNotFound(productId: string, requestId: string): ProblemResponse<404> {
  return notFound('product-not-found', `Product ${productId} does not exist.`, requestId);
}

/** @example return userNotFound(path.userId, context.requestId); */
export function userNotFound(userId: string, requestId: string): ProblemResponse<404> {
  return notFound('user-not-found', `User ${userId} is not known.`, requestId);
}
