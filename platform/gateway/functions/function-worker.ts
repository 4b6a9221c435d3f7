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
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'request') {
      const response = await app.handle({
        ...message.request,
        remainingTimeMs: () => message.deadline - Date.now(),
      });
      send({ type: 'response', id: message.id, response });
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
