import { describe, expect, it } from 'vitest';
import type { RouteEntry } from './operation.ts';
import { createRouter } from './router.ts';

const route = (method: string, path: string): RouteEntry => ({
  operationId: `${method} ${path}`,
  method,
  path,
  load: () => Promise.reject(new Error('not loaded in router tests')),
});

const router = createRouter([
  route('GET', '/products'),
  route('POST', '/products'),
  route('GET', '/products/{id}'),
  route('PATCH', '/products/{id}'),
  route('GET', '/products/search'),
  route('GET', '/accounts/{sid}/calls/{callSid}.json'),
  route('GET', '/'),
]);

describe('router', () => {
  it.each([
    ['GET', '/products', 'GET /products', {}],
    ['GET', '/products/', 'GET /products', {}],
    ['GET', '/products/42', 'GET /products/{id}', { id: '42' }],
    ['GET', '/products/search', 'GET /products/search', {}],
    [
      'GET',
      '/accounts/AC1/calls/CA2.json',
      'GET /accounts/{sid}/calls/{callSid}.json',
      { sid: 'AC1', callSid: 'CA2' },
    ],
    ['GET', '/', 'GET /', {}],
    ['HEAD', '/products/7', 'GET /products/{id}', { id: '7' }],
  ])('%s %s matches %s', (method, path, operationId, params) => {
    const match = router.match(method, path);
    expect(match).toEqual({ kind: 'found', route: expect.objectContaining({ operationId }), params });
  });

  it.each([
    ['GET', '/nothing'],
    ['GET', '/products/42/extra'],
    ['GET', '/accounts/AC1/calls/CA2.xml'],
  ])('%s %s is not found', (method, path) => {
    expect(router.match(method, path)).toEqual({ kind: 'not-found' });
  });

  it('lists the allowed methods of a known path', () => {
    expect(router.match('DELETE', '/products/42')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'PATCH'],
    });
  });

  it('finds a route by the template API Gateway reports', () => {
    expect(router.byTemplate('PATCH', '/products/{id}')?.operationId).toBe('PATCH /products/{id}');
    expect(router.byTemplate('PUT', '/products/{id}')).toBeUndefined();
  });
});
