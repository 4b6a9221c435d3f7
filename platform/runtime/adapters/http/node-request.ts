/**
 * Converters between node:http and the core, one small function per conversion: a request and
 * its (size-capped) body in, a core response out. The container's counterpart of the Lambda
 * adapter's events.ts.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreRequest } from '../../core/app.ts';
import type { VerifiedIdentity } from '../../core/authenticate.ts';
import type { CoreResponse } from '../../core/respond.ts';

/**
 * Reads a body, keeping at most one byte past the limit: enough for the core to answer 413 in
 * its place in the order of checks, without buffering a client's gigabytes.
 * @example const body = await readBody(request, MAX_BODY_BYTES);
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    request.on('data', (chunk: Buffer) => {
      if (kept > limit) return;
      const part = chunk.subarray(0, limit + 1 - kept);
      chunks.push(part);
      kept += part.length;
    });
    request.on('end', () => resolve(kept === 0 ? undefined : Buffer.concat(chunks, kept)));
    request.on('error', reject);
  });
}

/**
 * @param identity what the upstream authorizer verified, read by {@link identityFromHeaders}
 * @example requestFromNode(request, body, 'req-1', '/recommendations', identityFromHeaders(headers))
 */
export function requestFromNode(
  request: IncomingMessage,
  body: Uint8Array | undefined,
  requestId: string,
  basePath: string,
  identity: VerifiedIdentity | undefined,
): CoreRequest {
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    basePath,
    query: queryAt < 0 ? '' : url.slice(queryAt + 1),
    headers: headersOf(request),
    body,
    requestId,
    verified: identity,
  };
}

/** Lower-case names, repeated headers joined with ", " as the core expects. */
export function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Writes a core response; `extra` headers (request id, `connection: close`) win. */
export function writeResponse(
  response: ServerResponse,
  result: CoreResponse,
  extra: Readonly<Record<string, string>>,
): void {
  response.writeHead(result.status, { ...result.headers, ...extra }).end(result.body);
}
