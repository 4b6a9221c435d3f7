/**
 * The container's main: creates the context's dependencies once, serves, and on SIGTERM (ECS
 * stopping the task) or SIGINT drains and exits. The entry `charter bundle` writes for a
 * Fargate context calls only this.
 * @module
 */
import type { AnyHandler } from '../../core/app.ts';
import type { ContextRoutes } from '../../core/operation.ts';
import { type HttpServer, type HttpServerOptions, startHttpServer } from './http-server.ts';

export interface ServeContextOptions<D>
  extends Omit<HttpServerOptions<D>, 'deps' | 'close' | 'routes' | 'handlers'> {
  readonly routes: ContextRoutes;
  readonly handlers: Readonly<Partial<Record<string, AnyHandler>>>;
  /** The context's `createDeps()`; a `close()` on what it returns runs after the last request. */
  readonly createDeps?: () => D | Promise<D>;
  /** Exit the process once drained. @default true */
  readonly exitOnSignal?: boolean;
}

/**
 * @example await serveContext({ routes: contextRoutes, handlers, createDeps });
 */
export async function serveContext<D>(options: ServeContextOptions<D>): Promise<HttpServer> {
  const deps = (await options.createDeps?.()) as D;
  const closable = deps as { close?: () => Promise<void> } | undefined;
  const server = await startHttpServer({
    ...options,
    deps,
    close: typeof closable?.close === 'function' ? () => closable.close?.() ?? Promise.resolve() : undefined,
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void server.shutdown(signal).then(
        () => {
          if (options.exitOnSignal !== false) process.exit(0);
        },
        () => process.exit(1),
      );
    });
  }
  return server;
}
