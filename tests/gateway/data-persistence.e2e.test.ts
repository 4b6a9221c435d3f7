/**
 * Embedded data end to end: `charter dev` keeps each context's data in PGlite under
 * .charter/data/, so an order placed and a product created are still there after the gateway
 * is stopped with SIGTERM and started again over the same directory.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachDevProject, type DevProject, startDevProject } from '../support/dev-project.ts';

const TRAIL_RUNNER = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
const SEEDED_PRODUCTS = 6;

let dev: DevProject;
let buyer: string;
let admin: string;

beforeAll(async () => {
  // keep: the project folder, and with it .charter/data, outlives the first gateway.
  dev = await startDevProject('persistence', [], true);
  // The signing keys live in the project's .charter/ too, so these stay valid after the restart.
  buyer = dev.charter('dev', 'token', '--sub', 'u1', '--scope', 'orders:read orders:write').stdout;
  admin = dev.charter('dev', 'token', '--sub', 'catalog-admin', '--scope', 'catalog:write').stdout;
}, 60_000);
afterAll(async () => {
  await dev?.stop();
  // Also when a failure came before the restart, whose gateway keeps the folder.
  if (dev) rmSync(dev.root, { recursive: true, force: true });
});

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${dev.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

describe('charter dev: data survives a restart', () => {
  let orderId: string;
  let productId: string;
  let placed: unknown;

  // Generous limits: the first request to each context opens (and on a fresh project creates) its database.
  it('places an order and creates a product', async () => {
    const order = await call('POST', '/orders/orders', {
      token: buyer,
      body: {
        lines: [{ productId: TRAIL_RUNNER, quantity: 2 }],
        shippingAddress: {
          recipient: 'Ada Lovelace',
          line1: '12 St James Square',
          postalCode: 'SW1Y 4JH',
          city: 'London',
          country: 'GB',
        },
        payment: { method: 'card', token: 'tok_4eC39HqLyjWDarjtT1zdp7dc' },
      },
    });
    expect(order.status).toBe(201);
    orderId = order.json.id;
    placed = order.json;

    const product = await call('POST', '/catalog/products', {
      token: admin,
      body: {
        sku: 'PERSIST-1',
        name: 'Persistent Water Bottle',
        category: 'sports',
        price: { amount: 1500, currency: 'EUR' },
        stock: 4,
        tags: ['hydration'],
      },
    });
    expect(product.status).toBe(201);
    productId = product.json.id;

    const listed = await call('GET', '/catalog/products?limit=100');
    expect(listed.json.items).toHaveLength(SEEDED_PRODUCTS + 1);
    expect(existsSync(join(dev.root, '.charter', 'data', 'orders', 'PG_VERSION'))).toBe(true);
  }, 60_000);

  it('stops cleanly on SIGTERM, closing the data stores', async () => {
    const root = dev.root;
    expect(await dev.stop('SIGTERM')).toBe(0);
    expect(dev.output()).toContain('SIGTERM received; finishing in-flight requests and closing data stores');
    // Every store was closed, so no lock is left behind.
    for (const context of ['catalog', 'orders'])
      expect(existsSync(join(root, '.charter', 'data', context, 'charter.lock'))).toBe(false);
    dev = await attachDevProject(root);
  }, 60_000);

  it('gets the order back after the restart', async () => {
    const fetched = await call('GET', `/orders/orders/${orderId}`, { token: buyer });
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(placed);

    const mine = await call('GET', '/orders/orders', { token: buyer });
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual([orderId]);
  }, 60_000);

  it('lists the created product after the restart, and does not seed the catalog twice', async () => {
    const product = await call('GET', `/catalog/products/${productId}`);
    expect(product.status).toBe(200);
    expect(product.json).toMatchObject({ sku: 'PERSIST-1', name: 'Persistent Water Bottle', stock: 4 });

    const listed = await call('GET', '/catalog/products?limit=100');
    expect(listed.json.items).toHaveLength(SEEDED_PRODUCTS + 1);
    expect(listed.json.items.map((p: { id: string }) => p.id)).toContain(productId);

    const found = await call('GET', '/catalog/products?q=persistent');
    expect(found.json.items.map((p: { id: string }) => p.id)).toEqual([productId]);
  }, 60_000);
});
