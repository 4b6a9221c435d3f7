/**
 * Runs one function in a worker thread on behalf of the gateway: starts it on the first
 * request (a cold start), enforces the function's timeout, replaces it after a crash or a
 * timeout (as Lambda replaces a sandbox), and reloads it on demand for hot reload.
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { CoreResponse } from '../../runtime/index.ts';
import { GatewayProblem } from '../gateway-problem.ts';
import type { FromWorker, FunctionSpec, RequestItem, WireRequest } from './protocol.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./function-worker.ts', import.meta.url).href;

interface Pending {
  readonly requestId: string;
  resolve(response: CoreResponse): void;
  timer: NodeJS.Timeout;
}

interface Running {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  readonly pending: Map<number, Pending>;
  /** Requests not yet posted to the worker. */
  outbox: RequestItem[];
}

export interface FunctionHostOptions {
  readonly spec: FunctionSpec;
  readonly timeoutMs: number;
  /** Called with a message when the function fails outside a request (init error, crash). */
  readonly onError: (message: string) => void;
}

export class FunctionHost {
  #running: Running | undefined;
  #nextId = 1;
  #spec: FunctionSpec;

  constructor(private readonly options: FunctionHostOptions) {
    this.#spec = options.spec;
  }

  /** Runs one request; never rejects: failures of the function become problem responses. */
  async invoke(request: WireRequest): Promise<CoreResponse> {
    const running = this.#start();
    try {
      await running.ready;
    } catch (error) {
      return GatewayProblem.functionFailed(request.requestId, (error as Error).message).response();
    }
    const id = this.#nextId++;
    const deadline = Date.now() + this.options.timeoutMs;
    return new Promise<CoreResponse>((resolve) => {
      const timer = setTimeout(() => {
        running.pending.delete(id);
        resolve(GatewayProblem.timedOut(request.requestId, this.options.timeoutMs).response());
        // A function that overran may be stuck in a loop: replace it, as Lambda does.
        this.options.onError(
          `${this.#spec.context}: request ${request.requestId} timed out after ${this.options.timeoutMs} ms; restarting the function`,
        );
        void this.#stop(running, false);
      }, this.options.timeoutMs);
      running.pending.set(id, { requestId: request.requestId, resolve, timer });
      // Sent with whatever else arrives in this turn of the event loop (see protocol.ts).
      if (running.outbox.length === 0) setImmediate(() => this.#flush(running));
      running.outbox.push({ id, request, deadline });
    });
  }

  /** Replaces the worker with a fresh one (new module instances); returns once it is ready. */
  async reload(spec: FunctionSpec = this.#spec): Promise<void> {
    this.#spec = spec;
    if (this.#running) await this.#stop(this.#running, true);
    await this.#start().ready;
  }

  /** Lets in-flight requests finish, closes the function's dependencies, stops the worker. */
  async close(): Promise<void> {
    if (this.#running) await this.#stop(this.#running, true);
  }

  #start(): Running {
    if (this.#running) return this.#running;
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY, spec: this.#spec },
      env: { ...process.env },
    });
    const pending = new Map<number, Pending>();
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'init-error') {
          reject(new Error(message.message));
          this.options.onError(`${this.#spec.context}: the function failed to start:\n${message.message}`);
          void this.#stop(running, false);
        } else if (message.type === 'responses') {
          for (const { id, response } of message.items) {
            const waiting = pending.get(id);
            if (!waiting) continue;
            clearTimeout(waiting.timer);
            pending.delete(id);
            waiting.resolve(response);
          }
        }
      });
      worker.on('error', (error) => {
        reject(error);
        this.options.onError(`${this.#spec.context}: the function crashed: ${error.stack ?? error.message}`);
        this.#failPending(running, 'the function crashed');
        if (this.#running === running) this.#running = undefined;
      });
      worker.on('exit', () => {
        reject(new Error('the function exited'));
        this.#failPending(running, 'the function exited');
        if (this.#running === running) this.#running = undefined;
      });
    });
    ready.catch(() => {});
    const running: Running = { worker, ready, pending, outbox: [] };
    this.#running = running;
    return running;
  }

  async #stop(running: Running, graceful: boolean): Promise<void> {
    if (this.#running === running) this.#running = undefined;
    if (graceful) {
      await waitFor(() => running.pending.size === 0, 5_000);
      const closed = new Promise<void>((resolve) => {
        running.worker.on('message', (m: FromWorker) => m.type === 'closed' && resolve());
        running.worker.on('exit', () => resolve());
      });
      running.worker.postMessage({ type: 'shutdown' });
      await Promise.race([closed, delay(5_000)]);
    }
    this.#failPending(running, 'the function was stopped');
    await running.worker.terminate();
  }

  #flush(running: Running): void {
    const items = running.outbox;
    running.outbox = [];
    // Requests of a stopped worker were already answered by #failPending.
    const live = items.filter((item) => running.pending.has(item.id));
    if (live.length > 0) running.worker.postMessage({ type: 'requests', items: live });
  }

  #failPending(running: Running, reason: string): void {
    for (const [id, waiting] of running.pending) {
      clearTimeout(waiting.timer);
      running.pending.delete(id);
      waiting.resolve(GatewayProblem.functionFailed(waiting.requestId, reason).response());
    }
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await delay(20);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
