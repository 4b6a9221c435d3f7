/**
 * Contexts call each other through their SDKs only: orders prices lines through the catalog SDK,
 * and catalog's product detail carries recommendations from the recommendations SDK, degrading
 * within its budget when recommendations is slow, and recovering after the breaker's cool-down.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevProject, startDevProject } from '../support/dev-project.ts';

const PRODUCT = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
const COOL_DOWN_MS = 2_000;
let dev: DevProject;

beforeAll(async () => {
  dev = await startDevProject('cross-context', [], false, {
    RECOMMENDATIONS_TIMEOUT_MS: '300',
    RECOMMENDATIONS_COOL_DOWN_MS: String(COOL_DOWN_MS),
  });
}, 60_000);
afterAll(async () => {
  await dev?.stop();
});

interface Detail {
  id: string;
  recommendations: { items: { productId: string }[]; degraded: boolean };
}

async function detail(): Promise<{ status: number; ms: number; body: Detail }> {
  const started = performance.now();
  const response = await fetch(`${dev.url}/catalog/products/${PRODUCT}`);
  const body = (await response.json()) as Detail;
  return { status: response.status, ms: performance.now() - started, body };
}

describe('cross-context calls through SDKs', () => {
  it('orders prices a product the catalog API just created, through the catalog SDK', async () => {
    const editor = dev.charter('dev', 'token', '--sub', 'editor', '--scope', 'catalog:write').stdout;
    const buyer = dev.charter('dev', 'token', '--sub', 'buyer', '--scope', 'orders:write').stdout;
    const created = await fetch(`${dev.url}/catalog/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        sku: 'XCTX-001',
        name: 'Cross-context Lamp',
        category: 'home',
        price: { amount: 4321, currency: 'EUR' },
        stock: 7,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const placed = await fetch(`${dev.url}/orders/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${buyer}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        lines: [{ productId: id, quantity: 2 }],
        shippingAddress: { recipient: 'A', line1: 'B', postalCode: 'C', city: 'D', country: 'GB' },
        payment: { method: 'card', token: 'tok_crosscontext1' },
      }),
    });
    expect(placed.status).toBe(201);
    const order = (await placed.json()) as {
      lines: { name: string; unitPrice: { amount: number } }[];
      total: { amount: number };
    };
    expect(order.lines[0]).toMatchObject({ name: 'Cross-context Lamp', unitPrice: { amount: 4321 } });
    expect(order.total.amount).toBe(8642);
  });

  it('product detail includes recommendations while recommendations is healthy', async () => {
    // The first call may find recommendations still cold-starting past the 300 ms budget, as
    // on Lambda; it degrades, and the next ones are served.
    await expect
      .poll(async () => (await detail()).body.recommendations.degraded, { timeout: 10_000, interval: 200 })
      .toBe(false);
    const healthy = await detail();
    expect(healthy.status).toBe(200);
    expect(healthy.body.recommendations.items.length).toBeGreaterThan(0);
  });

  it('answers 200 within the budget, marked degraded, when recommendations is slow; recovers after the cool-down', async () => {
    const file = join(dev.root, 'handlers/recommendations/get-product-recommendations.ts');
    const original = readFileSync(file, 'utf8');
    const since = dev.mark();
    writeFileSync(
      file,
      original.replace(
        /(=\s*async\s*\([^)]*\)\s*=>\s*\{)/,
        '$1\n  await new Promise((resolve) => setTimeout(resolve, 1_500));',
      ),
    );
    await dev.waitFor(/recommendations: handlers changed; reloaded/, { since });

    const slow = await detail();
    expect(slow.status).toBe(200);
    expect(slow.body.id).toBe(PRODUCT);
    expect(slow.body.recommendations).toEqual({ items: [], degraded: true });
    // The budget is 300 ms; the slow dependency would take 1.5 s.
    expect(slow.ms).toBeLessThan(1_500);

    // Two more failures open the breaker: calls then fail fast without waiting on recommendations.
    await detail();
    await detail();
    const open = await detail();
    expect(open.body.recommendations.degraded).toBe(true);

    const restored = dev.mark();
    writeFileSync(file, original);
    await dev.waitFor(/recommendations: handlers changed; reloaded/, { since: restored });
    await new Promise((resolve) => setTimeout(resolve, COOL_DOWN_MS + 200));
    await expect
      .poll(async () => (await detail()).body.recommendations.degraded, { timeout: 10_000, interval: 250 })
      .toBe(false);
  }, 60_000);
});
