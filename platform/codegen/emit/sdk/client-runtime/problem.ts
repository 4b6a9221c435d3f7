/**
 * Every `error` an operation function returns is an RFC 9457 problem whose `status` is the
 * response's, whatever the server sent: that is what makes `error.status` a safe discriminant.
 * @module
 */

/**
 * @param body what openapi-fetch parsed from the error response (JSON, text, or undefined)
 * @example problemFrom('Bad Gateway', new Response('Bad Gateway', { status: 502 }))
 * // { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'Bad Gateway' }
 */
export function problemFrom(body: unknown, response: Response): Record<string, unknown> {
  const { status } = response;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const problem = body as Record<string, unknown>;
    return problem.status === status ? problem : { ...problem, status };
  }
  // A proxy's HTML page or an empty body: RFC 9457's "about:blank" problem for the status.
  const problem: Record<string, unknown> = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${status}`,
    status,
  };
  if (typeof body === 'string' && body !== '') problem.detail = body.slice(0, 1_000);
  return problem;
}
