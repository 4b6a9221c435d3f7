/**
 * The production HTTP server's life: health, JSON logs, and a shutdown that finishes what is in
 * flight, in process and as a real process receiving SIGTERM (as ECS stops a task).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextRoutes } from '../../generated/orders/routes.gen.ts';
import { identityHeaders, startHttpServer } from '../../platform/runtime/adapters/http/index.ts';
import { jsonLogger } from '../../platform/runtime/index.ts';
import { caseHandlers, ORDER_ID } from '../support/transport-cases.ts';

const reader = identityHeaders({ sub: 'u1', scope: 'orders:read' });

describe('production HTTP server', () => {
  it('answers its health endpoint with 200 while serving, and logs one JSON line per request', async () => {
    const lines: Record<string, unknown>[] = [];
    const server = await startHttpServer({
      routes: contextRoutes,
      handlers: caseHandlers,
      deps: {},
      port: 0,
      host: '127.0.0.1',
      logger: jsonLogger({ write: (line) => lines.push(JSON.parse(line)) }),
    });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', context: 'orders' });
      const order = await fetch(`${server.url}/orders/${ORDER_ID}`, {
        headers: { ...reader, 'x-request-id': 'req-from-gateway' },
      });
      expect(order.status).toBe(200);
      expect(order.headers.get('x-request-id')).toBe('req-from-gateway');
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'listening', context: 'orders' }));
      expect(lines).toContainEqual(
        expect.objectContaining({ requestId: 'req-from-gateway', operationId: 'getOrder', status: 200 }),
      );
    } finally {
      await server.shutdown();
    }
  });

  it('finishes an in-flight request on shutdown, refuses new connections, then releases its deps', async () => {
    let release: () => void = () => {};
    const started = new Promise<void>((resolveStarted) => {
      release = resolveStarted;
    });
    let finish: () => void = () => {};
    const gate = new Promise<void>((open) => {
      finish = open;
    });
    const events: string[] = [];
    const server = await startHttpServer({
      routes: contextRoutes,
      handlers: {
        getOrder: async (request: Parameters<typeof caseHandlers.getOrder>[0]) => {
          release();
          await gate;
          events.push('handler done');
          return caseHandlers.getOrder(request);
        },
      },
      deps: {},
      port: 0,
      host: '127.0.0.1',
      logger: jsonLogger({ write: () => {} }),
      close: async () => {
        events.push('deps closed');
      },
    });
    const inFlight = fetch(`${server.url}/orders/${ORDER_ID}`, { headers: reader });
    await started;
    const stopped = server.shutdown('test').then(() => events.push('stopped'));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    finish();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as { id: string }).id).toBe(ORDER_ID);
    await stopped;
    expect(events).toEqual(['handler done', 'deps closed', 'stopped']);
  });

  it('as a process: SIGTERM drains, the in-flight request gets its 200, and the process exits 0', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve('tests/runtime/fixtures/slow-orders-server.ts')],
      { env: { ...process.env, SLOW_MS: '400', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = jsonLines(child);
    const listening = await waitFor(lines, (l) => l.msg === 'listening');
    const url = listening.url as string;
    const inFlight = fetch(`${url}/orders/${ORDER_ID}`, { headers: reader });
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    const messages = lines.all.map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['draining', 'deps closed', 'stopped']));
    expect(messages.indexOf('deps closed')).toBeGreaterThan(messages.indexOf('draining'));
  });
});

interface Lines {
  readonly all: Record<string, unknown>[];
  readonly listeners: ((line: Record<string, unknown>) => void)[];
}

function jsonLines(child: ChildProcess): Lines {
  const lines: Lines = { all: [], listeners: [] };
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      const line = JSON.parse(part) as Record<string, unknown>;
      lines.all.push(line);
      for (const listener of lines.listeners) listener(line);
    }
  });
  return lines;
}

function waitFor(lines: Lines, test: (line: Record<string, unknown>) => boolean) {
  const seen = lines.all.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise<Record<string, unknown>>((done) => lines.listeners.push((l) => test(l) && done(l)));
}
