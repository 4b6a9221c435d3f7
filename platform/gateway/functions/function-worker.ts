/**
 * One function, in its own worker thread, as on Lambda: its modules initialise once, its
 * dependencies are created once, and it answers requests through the same runtime core the
 * Lambda adapter uses. A crash or a hang here cannot take the gateway down.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type AppOptions,
  type ContextRoutes,
  type CoreResponse,
  createApp,
  jsonLogger,
  upstreamAuthenticator,
} from '../../runtime/index.ts';
import { createMockHandlers } from '../mock/mock-handlers.ts';
import type { FromWorker, FunctionSpec, ToWorker } from './protocol.ts';

const spec = workerData.spec as FunctionSpec;
const port = parentPort;
if (!port) throw new Error('function-worker.ts runs only as a worker thread');
const send = (message: FromWorker) => port.postMessage(message);

Object.assign(process.env, spec.env);

interface HandlersModule {
  readonly handlers?: AppOptions<unknown>['handlers'];
  readonly createDeps?: () => unknown;
}

let deps: unknown;
try {
  const { contextRoutes } = (await import(spec.routesModule)) as { contextRoutes: ContextRoutes };
  let handlers: AppOptions<unknown>['handlers'] = {};
  if (spec.mock) {
    handlers = createMockHandlers(spec.mock.document);
  } else if (spec.handlersModule) {
    const module = (await import(spec.handlersModule)) as HandlersModule;
    handlers = module.handlers ?? {};
    deps = await module.createDeps?.();
  }
  const app = createApp({
    routes: contextRoutes,
    handlers,
    deps,
    authenticator: upstreamAuthenticator,
    logger: jsonLogger({ fields: { context: spec.context } }),
    // The gateway prints one line per request; the core's own line would repeat it.
    logRequests: false,
    // Samples generated from schemas may miss a pattern; mocks warn instead of failing.
    responseValidation: spec.mock ? 'log' : undefined,
  });
  // Answers go back in batches, like the requests come (see protocol.ts).
  let outbox: { id: number; response: CoreResponse }[] = [];
  const answer = (id: number, response: CoreResponse) => {
    if (outbox.length === 0) {
      setImmediate(() => {
        const items = outbox;
        outbox = [];
        send({ type: 'responses', items });
      });
    }
    outbox.push({ id, response });
  };
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'requests') {
      for (const { id, request, deadline } of message.items) {
        void app
          .handle({ ...request, remainingTimeMs: () => deadline - Date.now() })
          .then((response) => answer(id, response));
      }
    } else if (message.type === 'shutdown') {
      await closeDeps();
      send({ type: 'closed' });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({
    type: 'init-error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}

/** Dependencies that hold resources (a database) expose `close()`; committed data must survive. */
async function closeDeps(): Promise<void> {
  const closable = deps as { close?: () => Promise<void> } | undefined;
  await closable?.close?.();
}
