/**
 * openapi-backend serving the bench contract: its router, security handler hook, ajv request
 * validation (with type coercion for parameters) and the shared handler logic.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { OpenAPIBackend, type Context as OpenApiContext } from 'openapi-backend';
import { parse } from 'yaml';
import {
  getItemLogic,
  type NewOrderInput,
  placeOrderLogic,
} from '../fixtures/bench-api/handlers/bench/logic.ts';
import { badRequest, type Implementation, json, ORDER_SCOPE, scopesOf, subjectOf } from './types.ts';

export const BENCH_CONTRACT = new URL('../fixtures/bench-api/contracts/bench/openapi.yaml', import.meta.url);

type Params = { itemId: string };
type Query = { fields?: string[]; limit?: number; includeArchived?: boolean };

/** @param quick openapi-backend's quick mode: no definition validation, validators compiled on first use */
export async function createOpenApiBackend(quick = false): Promise<Implementation> {
  const api = new OpenAPIBackend({
    definition: parse(readFileSync(BENCH_CONTRACT, 'utf8')),
    quick,
    coerceTypes: true,
    handlers: {
      placeOrder: (c: OpenApiContext, event: APIGatewayProxyEvent) =>
        json(201, placeOrderLogic(c.request.requestBody as NewOrderInput, subjectOf(event))),
      getItem: (c: OpenApiContext) => {
        const { itemId } = c.request.params as Params;
        const q = c.request.query as Query;
        return json(200, getItemLogic(itemId, q.fields, q.limit ?? 20, q.includeArchived));
      },
      validationFail: (c: OpenApiContext) =>
        badRequest(
          (c.validation.errors ?? []).map((e) => ({
            in: 'request',
            pointer: e.instancePath,
            message: e.message ?? e.keyword,
          })),
        ),
      unauthorizedHandler: (_c: OpenApiContext, event: APIGatewayProxyEvent) =>
        event.requestContext.authorizer
          ? json(403, { title: 'Forbidden', status: 403 }, 'application/problem+json')
          : json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'),
      notFound: () => json(404, { title: 'Not Found', status: 404 }, 'application/problem+json'),
    },
    securityHandlers: {
      bearerAuth: (_c: OpenApiContext, event: APIGatewayProxyEvent) =>
        Boolean(event.requestContext.authorizer) && scopesOf(event).includes(ORDER_SCOPE),
    },
  });
  await api.init();
  const handle = (event: APIGatewayProxyEvent) =>
    api.handleRequest(
      {
        method: event.httpMethod,
        path: event.path,
        query: (event.queryStringParameters ?? {}) as Record<string, string>,
        headers: event.headers as Record<string, string>,
        body: event.body ?? undefined,
      },
      event,
    );
  return { name: `openapi-backend${quick ? ' (quick)' : ''}`, entry: () => handle };
}
