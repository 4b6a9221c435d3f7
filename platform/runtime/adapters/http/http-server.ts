/**
 * The production HTTP server of one context: what runs in its container on Fargate. The same
 * runtime core as the Lambda adapter and the local gateway, with none of `charter dev`'s extras
 * (no docs, no reload, no worker isolation, no token checks: the API Gateway authorizer has
 * verified the caller). JSON logs, a health endpoint, and a graceful shutdown that lets
 * in-flight requests finish.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp, MAX_BODY_BYTES } from '../../core/app.ts';
import { upstreamAuthenticator } from '../../core/authenticate.ts';
import { jsonLogger, type Logger } from '../../core/logger.ts';
import { InternalServerError } from '../../core/problem.ts';
import { problemResponse } from '../../core/respond.ts';
import { readBody, requestFromNode, writeResponse } from './node-request.ts';
import { identityFromHeaders } from './trusted-identity.ts';

export interface HttpServerOptions<D> extends Omit<AppOptions<D>, 'authenticator' | 'logger'> {
  /** @default the identity API Gateway's integration maps into `x-charter-auth-*` headers */
  readonly authenticator?: AppOptions<D>['authenticator'];
  /** Every line also carries the context's name. @default JSON lines on stdout */
  readonly logger?: Logger;
  /** @default process.env.PORT, else 8080; 0 picks a free port */
  readonly port?: number;
  /** @default '0.0.0.0' (the load balancer reaches the task on its private address) */
  readonly host?: string;
  /** Answers 200 while serving and 503 while draining; checked before any route. @default '/healthz' */
  readonly healthPath?: string;
  /**
   * How long in-flight requests may take to finish after shutdown begins before their
   * connections are cut. Keep it under ECS's stopTimeout (30 s). @default 25_000
   */
  readonly drainTimeoutMs?: number;
  /** Released after the last request: a database pool. @default nothing */
  readonly close?: () => Promise<void>;
}

export interface HttpServer {
  readonly url: string;
  readonly server: Server;
  /** Stops accepting, finishes in-flight requests, then releases `close`. Idempotent. */
  shutdown(reason?: string): Promise<void>;
}

/**
 * @example
 * const server = await startHttpServer({ routes: contextRoutes, handlers, deps, close: deps.close });
 * process.once('SIGTERM', () => server.shutdown('SIGTERM'));
 */
export async function startHttpServer<D>(options: HttpServerOptions<D>): Promise<HttpServer> {
  const context = options.routes.context;
  const logger = (options.logger ?? jsonLogger()).child({ context });
  const app = createApp({
    ...options,
    logger,
    authenticator: options.authenticator ?? upstreamAuthenticator,
  });
  const basePath = `/${context}`;
  const healthPath = options.healthPath ?? '/healthz';
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  let draining = false;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // Behind API Gateway the integration maps its request id here, so logs line up with its own.
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
    // Decided when the answer is written: a request that began before draining still closes its
    // keep-alive connection, so the load balancer reconnects to another task.
    const extra = (): Record<string, string> =>
      draining ? { 'x-request-id': requestId, connection: 'close' } : { 'x-request-id': requestId };
    try {
      if (request.method === 'GET' && (request.url ?? '').split('?')[0] === healthPath) {
        response
          .writeHead(draining ? 503 : 200, { 'content-type': 'application/json', ...extra() })
          .end(JSON.stringify({ status: draining ? 'draining' : 'ok', context }));
        return;
      }
      const body = await readBody(request, maxBodyBytes);
      const core = requestFromNode(request, body, requestId, basePath, undefined);
      const result = await app.handle({ ...core, verified: identityFromHeaders(core.headers) });
      writeResponse(response, result, extra());
    } catch (error) {
      // The core answers every failure itself; this catches only a broken transport.
      logger.error('request failed outside the core', { requestId, error: String(error) });
      if (!response.headersSent)
        writeResponse(
          response,
          problemResponse(new InternalServerError(requestId), request.url ?? '/'),
          extra(),
        );
    }
  };

  const server = createServer((request, response) => void handle(request, response));
  // Longer than the NLB's 350 s idle timeout would hold dead sockets; shorter makes it reconnect often.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? Number(process.env.PORT ?? 8080), options.host ?? '0.0.0.0', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  logger.info('listening', { url, healthPath });

  let closing: Promise<void> | undefined;
  const shutdown = (reason = 'shutdown') => {
    closing ??= (async () => {
      draining = true;
      logger.info('draining', { reason });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        logger.warn('drain timeout: closing the remaining connections');
        server.closeAllConnections();
      }, options.drainTimeoutMs ?? 25_000);
      timer.unref();
      await closed;
      clearTimeout(timer);
      await options.close?.();
      logger.info('stopped', { reason });
    })();
    return closing;
  };
  return { url, server, shutdown };
}
