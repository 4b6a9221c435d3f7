/**
 * The same requests get the same statuses through every door into the core: the Lambda adapter
 * with REST API and HTTP API events, and the production HTTP server (a Fargate context's
 * container) over real HTTP on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextRoutes } from '../../generated/orders/routes.gen.ts';
import {
  type HttpServer,
  identityHeaders,
  startHttpServer,
} from '../../platform/runtime/adapters/http/index.ts';
import { createLambdaHandler } from '../../platform/runtime/adapters/lambda/index.ts';
import { silentLogger } from '../../platform/runtime/index.ts';
import { httpApiEvent, restApiEvent } from '../support/api-gateway-events.ts';
import { type CaseRequest, caseHandlers, transportCases } from '../support/transport-cases.ts';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

interface Transport {
  start(): Promise<void>;
  call(request: CaseRequest): Promise<Answer>;
  stop(): Promise<void>;
}

function lambdaTransport(makeEvent: typeof restApiEvent | typeof httpApiEvent): Transport {
  const handler = createLambdaHandler({
    routes: contextRoutes,
    handlers: caseHandlers,
    deps: {},
    logger: silentLogger,
  });
  return {
    async start() {},
    async call(request) {
      const result = (await handler(makeEvent(request))) as {
        statusCode: number;
        headers: Record<string, string>;
        body: string;
      };
      return { status: result.statusCode, headers: lower(result.headers), body: result.body };
    },
    async stop() {},
  };
}

function serverTransport(): Transport {
  let server: HttpServer;
  return {
    async start() {
      server = await startHttpServer({
        routes: contextRoutes,
        handlers: caseHandlers,
        deps: {},
        logger: silentLogger,
        port: 0,
        host: '127.0.0.1',
      });
    },
    async call(request) {
      const response = await fetch(
        `${server.url}${request.path}${request.query ? `?${request.query}` : ''}`,
        {
          method: request.method,
          // What API Gateway's integration maps from the authorizer.
          headers: { ...request.headers, ...(request.claims ? identityHeaders(request.claims) : {}) },
          body: request.body,
        },
      );
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    },
    stop: () => server.shutdown('test'),
  };
}

const transports: [string, () => Transport][] = [
  ['Lambda adapter, REST API (payload 1.0)', () => lambdaTransport(restApiEvent)],
  ['Lambda adapter, HTTP API (payload 2.0)', () => lambdaTransport(httpApiEvent)],
  ['production HTTP server over loopback', serverTransport],
];

describe.each(transports)('%s', (_name, makeTransport) => {
  const transport = makeTransport();
  beforeAll(() => transport.start());
  afterAll(() => transport.stop());

  it.each(transportCases)('%s', async (_case, { given, want }) => {
    const answer = await transport.call(given);
    expect(answer.status).toBe(want.status);
    if (want.headers) expect(answer.headers).toMatchObject(want.headers);
    if (want.body) expect(JSON.parse(answer.body)).toMatchObject(want.body);
    if (want.hides) expect(answer.body).not.toContain(want.hides);
  });
});

function lower(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
