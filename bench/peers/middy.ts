/**
 * middy with its JSON body parser and validator (ajv through transpileSchema at init), one
 * function per operation as middy is meant to be used, plus the two small middlewares every
 * middy user writes: a scope check and an error-to-problem mapper.
 * @module
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import validator from '@middy/validator';
import { transpileSchema } from '@middy/validator/transpile';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import {
  getItemLogic,
  type NewOrderInput,
  placeOrderLogic,
} from '../fixtures/bench-api/handlers/bench/logic.ts';
import { getItemEventSchema, newOrderSchema } from './json-schemas.ts';
import { badRequest, type Implementation, json, ORDER_SCOPE, scopesOf, subjectOf } from './types.ts';

type Event = APIGatewayProxyEvent;

const requireScope: MiddlewareObj<Event, APIGatewayProxyResult> = {
  before: (request) => {
    if (!request.event.requestContext.authorizer)
      return json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json');
    if (!scopesOf(request.event).includes(ORDER_SCOPE))
      return json(403, { title: 'Forbidden', status: 403 }, 'application/problem+json');
    return undefined;
  },
};

/** Form-style, non-exploded arrays arrive as `a,b`: split them before validation. */
const splitFields: MiddlewareObj<Event, APIGatewayProxyResult> = {
  before: (request) => {
    const query = request.event.queryStringParameters as Record<string, unknown> | null;
    if (typeof query?.fields === 'string') query.fields = query.fields === '' ? [] : query.fields.split(',');
  },
};

const problems: MiddlewareObj<Event, APIGatewayProxyResult> = {
  onError: (request) => {
    const error = request.error as {
      statusCode?: number;
      message: string;
      cause?: { data?: { instancePath: string; message?: string }[] };
    };
    const status = error.statusCode ?? 500;
    request.response =
      status === 400
        ? badRequest(
            (error.cause?.data ?? []).map((e) => ({
              in: 'request',
              pointer: e.instancePath,
              message: e.message ?? 'invalid',
            })),
          )
        : json(status, { title: error.message, status }, 'application/problem+json');
  },
};

/** @example (await createMiddy()).entry('getItem')(event, context) */
export async function createMiddy(): Promise<Implementation> {
  const placeOrder = middy<Event, APIGatewayProxyResult>()
    .use(problems)
    .use(requireScope)
    .use(httpJsonBodyParser())
    .use(
      validator({
        eventSchema: transpileSchema({
          type: 'object',
          required: ['body'],
          properties: { body: newOrderSchema },
        }),
      }),
    )
    .handler(async (event) =>
      json(201, placeOrderLogic(event.body as unknown as NewOrderInput, subjectOf(event))),
    );
  const getItem = middy<Event, APIGatewayProxyResult>()
    .use(problems)
    .use(splitFields)
    .use(validator({ eventSchema: transpileSchema(getItemEventSchema) }))
    .handler(async (event) => {
      const q = (event.queryStringParameters ?? {}) as unknown as {
        fields?: string[];
        limit?: number;
        includeArchived?: boolean;
      };
      return json(
        200,
        getItemLogic(event.pathParameters?.itemId as string, q.fields, q.limit ?? 20, q.includeArchived),
      );
    });
  const functions = { placeOrder, getItem };
  return { name: 'middy + validator', entry: (operation) => functions[operation] as never };
}
