/**
 * What the SDK's types promise: results narrow on `error`, `error` narrows by status to the
 * problem the contract declares, and a call that does not match the contract does not compile.
 */
import { describe, expectTypeOf, it } from 'vitest';
import * as catalog from '../../sdk/catalog/src/index.gen.ts';
import * as orders from '../../sdk/orders/src/index.gen.ts';
import * as recommendations from '../../sdk/recommendations/src/index.gen.ts';

const client = catalog.createClient({ baseUrl: 'http://localhost:3000/catalog' });
const productId = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';

describe('SDK result types', () => {
  it('data is the 2XX body once error is ruled out', async () => {
    const { data, error } = await catalog.getProduct(client, { params: { path: { productId } } });
    if (error) return;
    expectTypeOf(data.id).toEqualTypeOf<string>();
    expectTypeOf(data.recommendations.degraded).toEqualTypeOf<boolean>();
  });

  it('error narrows by status to the problem the contract declares', async () => {
    const { error } = await catalog.getProduct(client, { params: { path: { productId } } });
    if (!error) return;
    expectTypeOf(error.status).toEqualTypeOf<catalog.ErrorStatus>();
    if (error.status === 400) {
      expectTypeOf(error.errors).toEqualTypeOf<catalog.Schema<'Problem'>['errors']>();
      expectTypeOf(error.title).toEqualTypeOf<string>();
    }
    if (error.status === 502) {
      // Not declared for getProduct: a bare problem, whose title a proxy may not have sent.
      expectTypeOf(error.status).toEqualTypeOf<502>();
      expectTypeOf(error.title).toEqualTypeOf<string | undefined>();
      // @ts-expect-error `errors` belongs to the declared 400 problem only
      void error.errors;
    }
  });

  it('client options take only the schemes of the contract', () => {
    catalog.createClient({ baseUrl: 'x', auth: { bearerAuth: () => 'token' } });
    recommendations.createClient({ baseUrl: 'x', auth: { apiKey: 'key' }, timeoutMs: 300, retries: false });
    // @ts-expect-error catalog has no apiKey scheme
    catalog.createClient({ baseUrl: 'x', auth: { apiKey: 'key' } });
    // @ts-expect-error baseUrl comes from configuration and is required
    catalog.createClient({});
  });
});

describe('SDK calls that do not match the contract do not compile', () => {
  it('refuses a missing or misnamed path parameter', () => {
    // @ts-expect-error productId is required
    void catalog.getProduct(client);
    // @ts-expect-error the parameter is productId, not id
    void catalog.getProduct(client, { params: { path: { id: productId } } });
  });

  it('refuses a body of the wrong shape', () => {
    // @ts-expect-error price must be { amount, currency }
    void catalog.updateProduct(client, { params: { path: { productId } }, body: { price: 12 } });
    // @ts-expect-error category is an enum
    void catalog.updateProduct(client, { params: { path: { productId } }, body: { category: 'cars' } });
  });

  it('refuses a query parameter of the wrong type, and accepts per-call options', () => {
    // @ts-expect-error limit is an integer
    void catalog.listProducts(client, { params: { query: { limit: '20' } } });
    void catalog.listProducts(client, { params: { query: { limit: 20 } }, timeoutMs: 300, retries: 0 });
    void catalog.listProducts(client);
  });

  it("refuses another context's client", () => {
    const ordersClient = orders.createClient({ baseUrl: 'x' });
    // @ts-expect-error a catalog operation needs a catalog client
    void catalog.listProducts(ordersClient);
  });
});
