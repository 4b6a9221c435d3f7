/**
 * The API Gateway (REST API, payload 1.0) events every implementation answers in the
 * request-overhead benchmark: a valid and an invalid request for each bench operation.
 * @module
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { restApiEvent } from '../../tests/support/api-gateway-events.ts';

export type CaseName = 'POST valid' | 'POST invalid' | 'GET valid' | 'GET invalid';
export type Operation = 'placeOrder' | 'getItem';

export interface BenchCase {
  readonly name: CaseName;
  readonly operation: Operation;
  readonly event: APIGatewayProxyEvent;
  readonly status: number;
}

const ITEM_ID = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
const CLAIMS = { sub: 'u1', scope: 'orders:read orders:write' };

export const VALID_ORDER = {
  customerId: '9a0b4c2d-6e1f-4a3b-8c5d-7e9f1a2b3c4d',
  currency: 'EUR',
  lines: [
    { sku: 'SHOE-42', quantity: 1, unitPriceCents: 12900 },
    { sku: 'SOCK-7', quantity: 3, unitPriceCents: 900 },
    { sku: 'CAP-001', quantity: 1, unitPriceCents: 2500 },
  ],
  shipping: { line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
  note: null,
};

/** Four failing fields: an enum, a minimum, a pattern and an unknown property. */
export const INVALID_ORDER = {
  customerId: '9a0b4c2d-6e1f-4a3b-8c5d-7e9f1a2b3c4d',
  currency: 'JPY',
  lines: [
    { sku: 'SHOE-42', quantity: 0, unitPriceCents: 12900 },
    { sku: 'bad sku', quantity: 1, unitPriceCents: 900 },
  ],
  coupon: 'FREE',
};

function post(body: unknown): APIGatewayProxyEvent {
  return restApiEvent({
    method: 'POST',
    path: '/orders',
    resource: { template: '/orders', pathParameters: {} },
    headers: {
      host: 'api.shop.example',
      'content-type': 'application/json',
      authorization: 'Bearer verified-by-api-gateway',
    },
    body: JSON.stringify(body),
    claims: CLAIMS,
  });
}

function get(itemId: string, query: string): APIGatewayProxyEvent {
  return restApiEvent({
    method: 'GET',
    path: `/items/${itemId}`,
    query,
    resource: { template: '/items/{itemId}', pathParameters: { itemId } },
    headers: { host: 'api.shop.example', accept: 'application/json' },
  });
}

/** Fresh events each call: implementations may mutate what they are given. */
export function benchCases(): BenchCase[] {
  return [
    { name: 'POST valid', operation: 'placeOrder', event: post(VALID_ORDER), status: 201 },
    { name: 'POST invalid', operation: 'placeOrder', event: post(INVALID_ORDER), status: 400 },
    {
      name: 'GET valid',
      operation: 'getItem',
      event: get(ITEM_ID, 'fields=name,price,tags&limit=2&includeArchived=true'),
      status: 200,
    },
    {
      name: 'GET invalid',
      operation: 'getItem',
      event: get('not-a-uuid', 'fields=name,colour&limit=0'),
      status: 400,
    },
  ];
}
