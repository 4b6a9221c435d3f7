import { describe, expect, it } from 'vitest';
import { derivedOperationId, identifierOf, kebabCase, pascalCase } from './names.ts';

describe('names', () => {
  it.each([
    ['placeOrder', 'placeOrder'],
    ['apps/get-authenticated', 'appsGetAuthenticated'],
    ['GetAccount', 'getAccount'],
    ['2fa-enable', '_2faEnable'],
    ['', '_'],
  ])('identifierOf(%j) is %j', (given, want) => expect(identifierOf(given)).toBe(want));

  it.each([
    ['placeOrder', 'place-order'],
    ['getHTTPStatus', 'get-http-status'],
    ['listMyOrders', 'list-my-orders'],
  ])('kebabCase(%j) is %j', (given, want) => expect(kebabCase(given)).toBe(want));

  it.each([
    ['placeOrder', 'PlaceOrder'],
    ['_2faEnable', 'Op2faEnable'],
  ])('pascalCase(%j) is %j', (given, want) => expect(pascalCase(given)).toBe(want));

  it.each([
    ['get', '/products/{id}', 'getProductsById'],
    ['post', '/', 'post'],
  ])('derivedOperationId(%s, %s) is %s', (method, path, want) =>
    expect(derivedOperationId(method, path)).toBe(want),
  );
});
