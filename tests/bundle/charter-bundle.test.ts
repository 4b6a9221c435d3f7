/**
 * `charter bundle` as infra and users run it: per-operation and per-context bundles, a manifest,
 * and a function that answers API Gateway events from its bundle alone in a fresh Node process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { restApiEvent } from '../support/api-gateway-events.ts';

const out = mkdtempSync(join(tmpdir(), 'charter-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function bundle(...args: string[]) {
  const result = spawnSync(process.execPath, [resolve('platform/bin/charter.mjs'), 'bundle', ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stderr: result.stderr };
}

function manifest(dir: string, context: string) {
  return JSON.parse(readFileSync(join(dir, context, 'manifest.json'), 'utf8')) as {
    functions: { name: string; operations: string[]; entry: string; bytes: number }[];
  };
}

/** Runs a bundled function in a fresh Node process, as Lambda's Node 22 runtime would import it. */
function invoke(entry: string, event: unknown) {
  const probe = join(out, `probe-${Date.now()}.mjs`);
  writeFileSync(
    probe,
    `const { handler } = await import(${JSON.stringify(pathToFileURL(entry).href)});
const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 3000 });
process.stdout.write('\\n' + JSON.stringify(result));`,
  );
  const run = spawnSync(process.execPath, [probe], { encoding: 'utf8', cwd: tmpdir() });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as { statusCode: number; body: string };
}

describe('charter bundle', () => {
  const perOperation = join(out, 'per-operation');
  const perContext = join(out, 'per-context');

  it('builds one function per operation by default, with a manifest', () => {
    const result = bundle('--out', perOperation);
    expect(result.code).toBe(0);
    const orders = manifest(perOperation, 'orders');
    expect(orders.functions.map((f) => f.name)).toEqual([
      'cancel-order',
      'get-order',
      'list-my-orders',
      'place-order',
    ]);
    for (const fn of orders.functions) {
      expect(fn.operations).toHaveLength(1);
      expect(fn.entry).toBe(`${fn.name}/index.mjs`);
      expect(fn.bytes).toBe(readFileSync(join(perOperation, 'orders', fn.entry)).byteLength);
    }
  });

  it('puts only its own operation into a single-operation function', () => {
    const code = readFileSync(join(perOperation, 'orders', 'get-order', 'index.mjs'), 'utf8');
    expect(code).toContain('"getOrder"');
    for (const other of ['placeOrder', 'cancelOrder', 'listMyOrders'])
      expect(code).not.toContain(`"${other}"`);
    expect(code).not.toMatch(/from ?["']ajv/);
  });

  it('answers API Gateway events from the bundle alone', () => {
    const entry = join(perOperation, 'catalog', 'get-product', 'index.mjs');
    const found = invoke(
      entry,
      restApiEvent({
        method: 'GET',
        path: '/catalog/products/3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
        resource: {
          template: '/products/{productId}',
          pathParameters: { productId: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13' },
        },
      }),
    );
    expect(found.statusCode).toBe(200);
    expect(JSON.parse(found.body).id).toBe('3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13');

    const invalid = invoke(entry, restApiEvent({ method: 'GET', path: '/products/not-a-uuid' }));
    expect(invalid.statusCode).toBe(400);
  });

  it('builds one function per context (a Lambda-lith) with --strategy per-context', () => {
    expect(bundle('orders', '--strategy', 'per-context', '--out', perContext).code).toBe(0);
    const orders = manifest(perContext, 'orders');
    expect(orders.functions).toEqual([
      expect.objectContaining({
        name: 'orders',
        operations: ['cancelOrder', 'getOrder', 'listMyOrders', 'placeOrder'],
      }),
    ]);
    const lith = invoke(
      join(perContext, 'orders', 'orders', 'index.mjs'),
      restApiEvent({ method: 'GET', path: '/orders' }),
    );
    expect(lith.statusCode).toBe(401);
  });

  it('refuses an unknown strategy and an unknown context', () => {
    const strategy = bundle('--strategy', 'per-team');
    expect(strategy.code).toBe(2);
    expect(strategy.stderr).toContain('per-operation, per-context, groups');
    const context = bundle('billing');
    expect(context.code).toBe(2);
    expect(context.stderr).toContain('no contract for billing');
  });
});
