/**
 * The soak: `charter dev` on a copy of the project, driven by autocannon on loopback at 64
 * connections over a mix of valid and invalid requests for a bounded time. It reports every
 * answer that was neither a success nor the 4xx the request deserved, and how the gateway's
 * resident memory moved after warm-up.
 * @module
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { type DevProject, startDevProject } from '../../tests/support/dev-project.ts';

export interface SoakResult {
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  /** Answers outside what each request should get (5xx, timeouts, socket errors). */
  readonly unexpected: number;
  readonly statusCounts: Record<string, number>;
  readonly rssAfterWarmupMb: number;
  readonly rssAtEndMb: number;
  readonly rssGrowthPercent: number;
}

const PRODUCT = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';

/** @example const result = await runSoak({ seconds: 10 }); */
export async function runSoak(options: { seconds: number; connections?: number }): Promise<SoakResult> {
  const dev = await startDevProject('soak');
  try {
    const token = dev.charter('dev', 'token', '--sub', 'soak', '--scope', 'orders:read orders:write').stdout;
    const order = JSON.stringify({
      lines: [{ productId: PRODUCT, quantity: 1 }],
      shippingAddress: {
        recipient: 'Soak Test',
        line1: '1 Loop Road',
        postalCode: '00000',
        city: 'Localhost',
        country: 'GB',
      },
      payment: { method: 'card', token: 'tok_soaktest00000' },
    });
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // One order, placed once; the soak replays it with its Idempotency-Key, a valid write that
    // does not grow the data set (growing data would grow memory for a good reason).
    const idempotent = { ...auth, 'idempotency-key': '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' };
    const first = await fetch(`${dev.url}/orders/orders`, {
      method: 'POST',
      headers: idempotent,
      body: order,
    });
    if (first.status !== 201) throw new Error(`soak: placing the first order answered ${first.status}`);
    const requests = [
      { method: 'GET', path: '/catalog/products?limit=5' },
      { method: 'GET', path: `/catalog/products/${PRODUCT}` },
      { method: 'GET', path: '/catalog/products?limit=0' },
      { method: 'GET', path: '/orders/orders', headers: auth },
      { method: 'POST', path: '/orders/orders', headers: idempotent, body: order },
      {
        method: 'POST',
        path: '/orders/orders',
        headers: auth,
        body: '{"lines":[{"productId":"nope","quantity":0}]}',
      },
      { method: 'GET', path: '/orders/orders' },
      { method: 'GET', path: '/nowhere' },
    ] as const;
    // Warm-up: every function started, its modules loaded and its heap grown to working size
    // before memory is measured.
    await drive(dev, requests, Math.max(5, Math.round(options.seconds * 0.5)), options.connections ?? 64);
    const rssAfterWarmup = rssOf(dev);
    const result = await drive(dev, requests, options.seconds, options.connections ?? 64);
    const rssAtEnd = rssOf(dev);
    const statusCounts: Record<string, number> = {};
    for (const [status, count] of Object.entries(result.statusCodeStats ?? {}))
      statusCounts[status] = (count as { count: number }).count;
    const unexpected =
      result.errors +
      result.timeouts +
      Object.entries(statusCounts)
        .filter(([s]) => Number(s) >= 500)
        .reduce((n, [, c]) => n + c, 0);
    return {
      seconds: options.seconds,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      p99Ms: result.latency.p99,
      unexpected,
      statusCounts,
      rssAfterWarmupMb: round(rssAfterWarmup / 1024),
      rssAtEndMb: round(rssAtEnd / 1024),
      rssGrowthPercent: round(((rssAtEnd - rssAfterWarmup) / rssAfterWarmup) * 100),
    };
  } finally {
    await dev.stop();
  }
}

function drive(dev: DevProject, requests: readonly object[], seconds: number, connections: number) {
  return autocannon({
    url: dev.url,
    connections,
    duration: seconds,
    requests: requests as never,
    timeout: 10,
  });
}

/** Resident memory of the gateway process and its worker threads, in KiB. */
function rssOf(dev: DevProject): number {
  const status = readFileSync(`/proc/${dev.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
