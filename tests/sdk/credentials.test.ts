/**
 * What the generated SDKs put on the wire: credentials per the contract's security schemes and
 * each operation's requirement, and query parameters in the style the contract declares.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContext } from '../../platform/codegen/generate.ts';
import { replaceFolder } from '../../platform/codegen/write/write-output.ts';
import * as catalog from '../../sdk/catalog/src/index.gen.ts';
import * as recommendations from '../../sdk/recommendations/src/index.gen.ts';
import { answer, type ScriptedServer, scriptedServer } from '../support/scripted-server.ts';

const PRODUCT_ID = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
let server: ScriptedServer;

beforeAll(async () => {
  server = await scriptedServer();
});
afterAll(() => server.close());

describe('SDK credentials', () => {
  it('asks the token provider before each request that needs it, and never for a public one', async () => {
    let issued = 0;
    const client = catalog.createClient({
      baseUrl: server.url,
      auth: { bearerAuth: async () => `t${++issued}` },
    });
    server.script(answer(200, {}), answer(201, {}), answer(200, {}));
    await catalog.getProduct(client, { params: { path: { productId: PRODUCT_ID } } });
    await catalog.updateProduct(client, { params: { path: { productId: PRODUCT_ID } }, body: { stock: 1 } });
    await catalog.updateProduct(client, { params: { path: { productId: PRODUCT_ID } }, body: { stock: 2 } });
    expect(server.hits.map((hit) => hit.headers.authorization)).toEqual([
      undefined,
      'Bearer t1',
      'Bearer t2',
    ]);
  });

  it('sends an API key in the header the contract names', async () => {
    const client = recommendations.createClient({ baseUrl: server.url, auth: { apiKey: 'key-1' } });
    server.script(answer(200, { productId: PRODUCT_ID, items: [] }));
    const { data } = await recommendations.getProductRecommendations(client, {
      params: { path: { productId: PRODUCT_ID }, query: { limit: 3 } },
    });
    expect(data?.items).toEqual([]);
    expect(server.hits[0].headers['x-api-key']).toBe('key-1');
    expect(server.hits[0].url).toBe(`/products/${PRODUCT_ID}/recommendations?limit=3`);
  });

  it('lets a header set on the call win over the client credential', async () => {
    const client = catalog.createClient({ baseUrl: server.url, auth: { bearerAuth: 'client-token' } });
    server.script(answer(200, {}));
    await catalog.updateProduct(client, {
      params: { path: { productId: PRODUCT_ID } },
      body: { stock: 1 },
      headers: { authorization: 'Bearer on-behalf-of-user' },
    });
    expect(server.hits[0].headers.authorization).toBe('Bearer on-behalf-of-user');
  });

  it("sends the client's credentials on openapi-fetch's own methods too", async () => {
    const client = catalog.createClient({ baseUrl: server.url, auth: { bearerAuth: 'client-token' } });
    server.script(answer(200, {}));
    const { response } = await client.GET('/products/{productId}', {
      params: { path: { productId: PRODUCT_ID } },
    });
    expect(response.status).toBe(200);
    expect(server.hits[0].headers.authorization).toBe('Bearer client-token');
  });

  it('sends nothing when the provider has no token', async () => {
    const client = catalog.createClient({ baseUrl: server.url, auth: { bearerAuth: () => undefined } });
    server.script(answer(401, { title: 'Unauthorized', status: 401 }));
    const { error } = await catalog.updateProduct(client, {
      params: { path: { productId: PRODUCT_ID } },
      body: { stock: 1 },
    });
    expect(server.hits[0].headers.authorization).toBeUndefined();
    expect(error?.status).toBe(401);
  });
});

describe('SDK query strings follow the contract', () => {
  it.each([
    [
      'explode: false arrays as one comma list',
      { tags: ['running', 'trail'] },
      '/products?tags=running,trail',
    ],
    [
      'deepObject objects with brackets',
      { price: { gte: 5000, lte: 15000 } },
      '/products?price[gte]=5000&price[lte]=15000',
    ],
    ['primitives as they are', { q: 'trail shoe', limit: 2 }, '/products?q=trail%20shoe&limit=2'],
    ['empty arrays left out', { tags: [], limit: 2 }, '/products?limit=2'],
  ])('writes %s', async (_name, query, want) => {
    const client = catalog.createClient({ baseUrl: server.url });
    server.script(answer(200, { items: [], nextCursor: null }));
    await catalog.listProducts(client, { params: { query } });
    expect(server.hits[0].url).toBe(want);
  });
});

describe('every way a credential and a query parameter travel (sdk-features fixture)', () => {
  type Call = (client: unknown, init?: unknown) => Promise<{ error?: { status: number } }>;
  let sdk: { createClient: (options: unknown) => unknown } & Record<string, Call>;

  beforeAll(async () => {
    const root = resolve('.');
    const out = '.charter/test/sdk-wire';
    const contractFile = join(root, 'platform/codegen/test-fixtures/sdk-features/openapi.yaml');
    const output = await generateContext(root, { name: 'sdk-features', contractFile }, out);
    await replaceFolder(root, out, output.files);
    sdk = await import(resolve(out, 'sdk/src/index.gen.ts'));
  });
  afterAll(() => rmSync('.charter/test/sdk-wire', { recursive: true, force: true }));

  it('puts an apiKey in the query, basic credentials in Authorization, a cookie key in Cookie', async () => {
    const client = sdk.createClient({
      baseUrl: server.url,
      auth: { keyInQuery: 'k 1', basicAuth: 'ada:secret', session: 's/1' },
    });
    server.script(answer(201, {}), answer(200, []), answer(204, ''));
    await sdk.createClientOperation(client, { body: { name: 'n', size: 1 } });
    await sdk.listThings(client, {
      params: { header: { 'X-Trace': 't' }, query: { ids: ['a', 'b'], filter: { color: 'red' } } },
    });
    await sdk.deleteOperation(client, { params: { path: { id: PRODUCT_ID } } });
    expect(server.hits.map((hit) => [hit.url, hit.headers.authorization, hit.headers.cookie])).toEqual([
      ['/things?api_key=k+1', undefined, undefined],
      ['/things?ids=a|b&filter=color,red', `Basic ${btoa('ada:secret')}`, undefined],
      [`/things/${PRODUCT_ID}`, undefined, 'sid=s%2F1'],
    ]);
  });

  it('takes the first alternative it has credentials for, and none for an optional one', async () => {
    const client = sdk.createClient({ baseUrl: server.url, auth: { oauth: 'token', session: 's' } });
    server.script(answer(200, []), answer(204, ''));
    await sdk.listThings(client, { params: { header: { 'X-Trace': 't' } } });
    await sdk.deleteOperation(client, { params: { path: { id: PRODUCT_ID } } });
    expect(server.hits.map((hit) => [hit.headers.authorization, hit.headers.cookie])).toEqual([
      [undefined, undefined],
      ['Bearer token', undefined],
    ]);
  });

  it('turns a text/plain 5XX body into a problem with the status', async () => {
    const client = sdk.createClient({ baseUrl: server.url, retries: 0 });
    server.script(answer(507, 'disk full'));
    const { error } = await sdk.deleteOperation(client, { params: { path: { id: PRODUCT_ID } } });
    expect(error).toEqual({
      type: 'about:blank',
      title: 'Insufficient Storage',
      status: 507,
      detail: 'disk full',
    });
  });
});
