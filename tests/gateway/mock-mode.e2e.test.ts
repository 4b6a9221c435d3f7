/**
 * `charter dev --mock catalog`: the catalog answers from its contract's examples while requests
 * are still authenticated and validated; the other contexts keep their handlers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type DevProject, startDevProject } from '../support/dev-project.ts';

let dev: DevProject;

beforeAll(async () => {
  dev = await startDevProject('mock', ['--mock', 'catalog']);
}, 60_000);
afterAll(async () => {
  await dev?.stop();
});

describe('charter dev --mock', () => {
  it('says which contexts are mocked', () => {
    expect(dev.output()).toMatch(/\/catalog\s+Catalog API 1\.0\.0\s+\(mock: answering from the contract\)/);
    expect(dev.output()).not.toMatch(/\/orders\s+Orders API 1\.0\.0\s+\(mock/);
  });

  it('answers with the example the contract gives', async () => {
    const response = await fetch(`${dev.url}/catalog/products`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown };
    const contract = parse(readFileSync('contracts/catalog/openapi.yaml', 'utf8'));
    const media = contract.paths['/products'].get.responses['200'].content['application/json'];
    const example = media.example ?? Object.values(media.examples ?? {})[0];
    if (example) expect(body).toEqual((example as { value?: unknown }).value ?? example);
    expect(Array.isArray(body.items)).toBe(true);
  });

  it('still validates requests and enforces security in mock mode', async () => {
    // Minted first: the blocking spawn can outlast the server's keep-alive, and a fetch right
    // after it would reuse a connection the server has already closed.
    const token = dev.charter('dev', 'token', '--sub', 'editor', '--scope', 'catalog:write').stdout;
    const invalid = await fetch(`${dev.url}/catalog/products?limit=0`);
    expect(invalid.status).toBe(400);

    const anonymousWrite = await fetch(`${dev.url}/catalog/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku: 'ABC-1', name: 'x' }),
    });
    expect(anonymousWrite.status).toBe(401);

    const created = await fetch(`${dev.url}/catalog/products/3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ stock: 3 }),
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { id: string }).id).toEqual(expect.any(String));
  });
});
