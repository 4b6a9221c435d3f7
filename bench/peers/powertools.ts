/**
 * Powertools for AWS Lambda's HTTP event handler (Router) with zod schemas equivalent to the
 * contract's, validated through its Standard Schema validation option.
 * @module
 */
import {
  ForbiddenError,
  RequestValidationError,
  Router,
  UnauthorizedError,
} from '@aws-lambda-powertools/event-handler/http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { z } from 'zod';
import { getItemLogic, placeOrderLogic } from '../fixtures/bench-api/handlers/bench/logic.ts';
import { type Implementation, LAMBDA_CONTEXT, ORDER_SCOPE, scopesOf, subjectOf } from './types.ts';

const line = z.strictObject({
  sku: z.string().regex(/^[A-Z0-9-]{4,20}$/),
  quantity: z.number().int().min(1).max(1000),
  unitPriceCents: z.number().int().min(0),
});
const address = z.strictObject({
  line1: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  postalCode: z.string().max(20).optional(),
  country: z.string().regex(/^[A-Z]{2}$/),
});
const newOrder = z.strictObject({
  customerId: z.guid(),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  lines: z.array(line).min(1).max(50),
  shipping: address.optional(),
  note: z.string().max(500).nullable().optional(),
});
const field = z.enum(['name', 'price', 'stock', 'tags', 'updatedAt']);
const itemQuery = z.object({
  fields: z
    .string()
    .transform((v) => (v === '' ? [] : v.split(',')))
    .pipe(
      z
        .array(field)
        .max(5)
        .refine((f) => new Set(f).size === f.length, 'must be unique'),
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const jsonResponse = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

/** @example (await createPowertools()).entry('placeOrder')(event, context) */
export async function createPowertools(): Promise<Implementation> {
  const app = new Router();
  const requireScope = async ({
    reqCtx,
    next,
  }: {
    reqCtx: { event: unknown };
    next: () => Promise<unknown>;
  }) => {
    const event = reqCtx.event as APIGatewayProxyEvent;
    if (!event.requestContext.authorizer) throw new UnauthorizedError('credentials required');
    if (!scopesOf(event).includes(ORDER_SCOPE)) throw new ForbiddenError(`scope ${ORDER_SCOPE} required`);
    await next();
  };
  app.post(
    '/orders',
    [requireScope as never],
    (reqCtx) =>
      jsonResponse(
        201,
        placeOrderLogic(reqCtx.valid.req.body, subjectOf(reqCtx.event as APIGatewayProxyEvent)),
      ),
    { validation: { req: { body: newOrder } } },
  );
  app.get(
    '/items/:itemId',
    (reqCtx) => {
      const { fields, limit, includeArchived } = reqCtx.valid.req.query;
      return jsonResponse(200, getItemLogic(reqCtx.valid.req.path.itemId, fields, limit, includeArchived));
    },
    { validation: { req: { path: z.object({ itemId: z.guid() }), query: itemQuery } } },
  );
  app.errorHandler(RequestValidationError, async (error) =>
    jsonResponse(
      400,
      { type: 'about:blank', title: 'Bad Request', status: 400, errors: error.details?.issues ?? [] },
      'application/problem+json',
    ),
  );
  const handle = (event: APIGatewayProxyEvent) => app.resolve(event, LAMBDA_CONTEXT);
  return { name: 'Powertools Router + zod', entry: () => handle };
}
