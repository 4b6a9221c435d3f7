/**
 * The floor: what a careful engineer writes by hand for these two operations. JSON.parse,
 * checks equivalent to the contract's schemas written out in code, the shared handler logic,
 * JSON.stringify. No framework; nothing any implementation can do less of.
 * @module
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import {
  getItemLogic,
  type NewOrderInput,
  placeOrderLogic,
} from '../fixtures/bench-api/handlers/bench/logic.ts';
import type { Operation } from '../lib/events.ts';
import { badRequest, type Implementation, json, ORDER_SCOPE, scopesOf, subjectOf } from './types.ts';

type FieldError = { in: string; pointer?: string; name?: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SKU = /^[A-Z0-9-]{4,20}$/;
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCIES = new Set(['EUR', 'USD', 'GBP']);
const FIELDS = new Set(['name', 'price', 'stock', 'tags', 'updatedAt']);
const ORDER_KEYS = new Set(['customerId', 'currency', 'lines', 'shipping', 'note']);
const LINE_KEYS = new Set(['sku', 'quantity', 'unitPriceCents']);
const ADDRESS_KEYS = new Set(['line1', 'city', 'postalCode', 'country']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function checkOrder(body: unknown, errors: FieldError[]): void {
  const err = (pointer: string, message: string) => errors.push({ in: 'body', pointer, message });
  if (!isObject(body)) {
    err('', 'must be object');
    return;
  }
  for (const key of Object.keys(body)) if (!ORDER_KEYS.has(key)) err(`/${key}`, 'is not allowed');
  if (!isString(body.customerId)) err('/customerId', 'is required');
  else if (!UUID.test(body.customerId)) err('/customerId', 'must be a uuid');
  if (!isString(body.currency) || !CURRENCIES.has(body.currency))
    err('/currency', 'must be one of EUR, USD, GBP');
  if (!Array.isArray(body.lines)) err('/lines', 'is required');
  else {
    if (body.lines.length < 1 || body.lines.length > 50) err('/lines', 'must have 1 to 50 items');
    for (let i = 0; i < body.lines.length; i++) {
      const line: unknown = body.lines[i];
      if (!isObject(line)) {
        err(`/lines/${i}`, 'must be object');
        continue;
      }
      for (const key of Object.keys(line))
        if (!LINE_KEYS.has(key)) err(`/lines/${i}/${key}`, 'is not allowed');
      if (!isString(line.sku) || !SKU.test(line.sku)) err(`/lines/${i}/sku`, 'must match ^[A-Z0-9-]{4,20}$');
      if (!isInt(line.quantity) || line.quantity < 1 || line.quantity > 1000)
        err(`/lines/${i}/quantity`, 'must be an integer from 1 to 1000');
      if (!isInt(line.unitPriceCents) || line.unitPriceCents < 0)
        err(`/lines/${i}/unitPriceCents`, 'must be an integer >= 0');
    }
  }
  if (body.shipping !== undefined) {
    const a = body.shipping;
    if (!isObject(a)) err('/shipping', 'must be object');
    else {
      for (const key of Object.keys(a)) if (!ADDRESS_KEYS.has(key)) err(`/shipping/${key}`, 'is not allowed');
      if (!isString(a.line1) || a.line1.length < 1 || a.line1.length > 200)
        err('/shipping/line1', 'must be 1 to 200 characters');
      if (!isString(a.city) || a.city.length < 1 || a.city.length > 100)
        err('/shipping/city', 'must be 1 to 100 characters');
      if (a.postalCode !== undefined && (!isString(a.postalCode) || a.postalCode.length > 20))
        err('/shipping/postalCode', 'must be at most 20 characters');
      if (!isString(a.country) || !COUNTRY.test(a.country)) err('/shipping/country', 'must match ^[A-Z]{2}$');
    }
  }
  if (body.note !== undefined && body.note !== null && (!isString(body.note) || body.note.length > 500))
    err('/note', 'must be at most 500 characters');
}

async function placeOrder(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  if (!event.requestContext.authorizer)
    return json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json');
  if (!scopesOf(event).includes(ORDER_SCOPE))
    return json(403, { title: 'Forbidden', status: 403 }, 'application/problem+json');
  const type = event.headers['content-type'] ?? event.headers['Content-Type'];
  if (!type?.startsWith('application/json'))
    return json(415, { title: 'Unsupported Media Type', status: 415 }, 'application/problem+json');
  let body: unknown;
  try {
    body = JSON.parse(event.body ?? '');
  } catch {
    return badRequest([{ in: 'body', pointer: '', message: 'malformed JSON' }]);
  }
  const errors: FieldError[] = [];
  checkOrder(body, errors);
  if (errors.length > 0) return badRequest(errors);
  return json(201, placeOrderLogic(body as NewOrderInput, subjectOf(event)));
}

async function getItem(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const errors: FieldError[] = [];
  const itemId = event.pathParameters?.itemId ?? '';
  if (!UUID.test(itemId)) errors.push({ in: 'path', name: 'itemId', message: 'must be a uuid' });
  const query = event.queryStringParameters ?? {};
  let fields: string[] | undefined;
  if (query.fields !== undefined) {
    fields = query.fields === '' ? [] : query.fields.split(',');
    if (fields.length > 5 || new Set(fields).size !== fields.length || !fields.every((f) => FIELDS.has(f)))
      errors.push({
        in: 'query',
        name: 'fields',
        message: 'must be up to 5 distinct of name, price, stock, tags, updatedAt',
      });
  }
  let limit = 20;
  if (query.limit !== undefined) {
    limit = /^-?\d+$/.test(query.limit) ? Number(query.limit) : Number.NaN;
    if (!(limit >= 1 && limit <= 100))
      errors.push({ in: 'query', name: 'limit', message: 'must be an integer from 1 to 100' });
  }
  let includeArchived: boolean | undefined;
  if (query.includeArchived !== undefined) {
    if (query.includeArchived === 'true') includeArchived = true;
    else if (query.includeArchived === 'false') includeArchived = false;
    else errors.push({ in: 'query', name: 'includeArchived', message: 'must be boolean' });
  }
  if (errors.length > 0) return badRequest(errors);
  return json(200, getItemLogic(itemId, fields, limit, includeArchived));
}

/** @example (await createFloor()).entry('getItem')(event, context) */
export async function createFloor(): Promise<Implementation> {
  return {
    name: 'hand-written floor',
    entry: (operation: Operation) => (operation === 'placeOrder' ? placeOrder : getItem),
  };
}
