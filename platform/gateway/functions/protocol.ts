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

export type ToWorker =
  | {
      readonly type: 'request';
      readonly id: number;
      readonly request: WireRequest;
      readonly deadline: number;
    }
  | { readonly type: 'shutdown' };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly message: string }
  | { readonly type: 'response'; readonly id: number; readonly response: CoreResponse }
  | { readonly type: 'closed' };
