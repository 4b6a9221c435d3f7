/**
 * Messages between the gateway and a function's worker thread.
 * @module
 */
import type { CoreRequest, CoreResponse } from '../../runtime/index.ts';

/** What a worker is started with. */
export interface FunctionSpec {
  readonly context: string;
  /** File URL of `generated/<ctx>/routes.gen.ts`. */
  readonly routesModule: string;
  /** File URL of `handlers/<ctx>/index.ts`, when the context has handlers. */
  readonly handlersModule?: string;
  /** Serve examples instead of handlers (`charter dev --mock`). */
  readonly mock?: { readonly document: Record<string, unknown> };
  /** Environment the function sees (data directory, other contexts' base URLs). */
  readonly env: Readonly<Record<string, string>>;
}

/** A CoreRequest without its functions, which cannot cross threads. */
export type WireRequest = Omit<CoreRequest, 'remainingTimeMs'>;

/** One request as it crosses to the worker. */
export interface RequestItem {
  readonly id: number;
  readonly request: WireRequest;
  readonly deadline: number;
}

/**
 * Requests and responses cross in batches: everything that arrived in one turn of the event
 * loop goes in one message, since each message costs a clone and a wake-up of the other thread.
 */
export type ToWorker =
  | { readonly type: 'requests'; readonly items: readonly RequestItem[] }
  | { readonly type: 'shutdown' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly message: string }
  | {
      readonly type: 'responses';
      readonly items: readonly { readonly id: number; readonly response: CoreResponse }[];
    }
  | { readonly type: 'closed' };
