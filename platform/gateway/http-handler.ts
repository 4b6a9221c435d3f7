/**
 * The gateway's request handler: the part API Gateway plays on AWS. It serves docs, answers
 * CORS, picks the context from the first path segment, verifies credentials like an
 * authorizer, and hands the request to the context's function.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CorsConfig } from '../config/charter-config.ts';
import { type CoreResponse, MAX_BODY_BYTES, type SecuritySchemeSpec } from '../runtime/index.ts';
import type { CredentialVerifier } from './auth/verify-credentials.ts';
import { preflightHeaders, responseCorsHeaders } from './cors.ts';
import type { FunctionHost } from './functions/function-host.ts';
import { GatewayProblem } from './gateway-problem.ts';
import { readRequestBody } from './read-request-body.ts';

/** What the handler needs of each served context; replaced as a whole on reload. */
export interface ServedContext {
  readonly name: string;
  readonly host: FunctionHost;
  readonly securitySchemes: readonly SecuritySchemeSpec[];
  /** Methods by path template, for CORS preflights. */
  readonly methods: readonly string[];
}

export interface HandlerState {
  readonly contexts: ReadonlyMap<string, ServedContext>;
  readonly verifier: CredentialVerifier;
  readonly cors: CorsConfig;
  /** Serves `/docs`, `/docs/<ctx>` and `/openapi/<ctx>.json`; false when the path is not one. */
  readonly serveDocs: (path: string, response: ServerResponse) => Promise<boolean>;
  readonly log: (line: string) => void;
}

/** @example http.createServer(createHttpHandler(() => state)) */
export function createHttpHandler(state: () => HandlerState) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = randomUUID();
    const method = (request.method ?? 'GET').toUpperCase();
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = queryAt < 0 ? '' : url.slice(queryAt + 1);
    const current = state();
    let operationId: string | undefined;
    let result: CoreResponse;
    try {
      if (method === 'GET' && (await current.serveDocs(path, response))) return;
      const contextName = path.split('/')[1] ?? '';
      const context = current.contexts.get(contextName);
      const origin = header(request, 'origin');
      if (method === 'OPTIONS' && origin && request.headers['access-control-request-method']) {
        const headers = preflightHeaders(current.cors, origin, context?.methods ?? []);
        response.writeHead(204, headers ?? {}).end();
        current.log(
          `OPTIONS ${path} 204 preflight${headers ? '' : ' (origin not allowed)'} ${ms(started)} ${requestId}`,
        );
        return;
      }
      if (!context) {
        result = GatewayProblem.unknownContext(path, [...current.contexts.keys()]).response();
      } else {
        const headers = headersOf(request);
        const body = await readRequestBody(request, MAX_BODY_BYTES);
        const verified = await current.verifier.verify(headers, query, context.securitySchemes, context.name);
        result = await context.host.invoke({
          method,
          path: path.slice(contextName.length + 1) || '/',
          query,
          headers,
          body,
          requestId,
          verified,
        });
        operationId = result.operationId;
      }
      const headers = {
        ...result.headers,
        ...responseCorsHeaders(current.cors, origin),
        'x-request-id': requestId,
      };
      response.writeHead(result.status, headers).end(result.body);
      current.log(`${method} ${path} ${result.status} ${operationId ?? '-'} ${ms(started)} ${requestId}`);
    } catch (error) {
      // Nothing above should throw; if it does, the client still gets a problem, not a reset.
      current.log(`${method} ${path} 500 gateway error ${requestId}: ${(error as Error).stack}`);
      if (!response.headersSent) {
        const problem = GatewayProblem.functionFailed(requestId, 'gateway error').response();
        response.writeHead(problem.status, problem.headers).end(problem.body);
      }
    }
  };
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function ms(since: number): string {
  return `${(performance.now() - since).toFixed(1)}ms`;
}
