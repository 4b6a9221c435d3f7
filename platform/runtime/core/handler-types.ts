/**
 * The types generated handler signatures are built from: what every handler receives besides
 * its parameters and body, and helpers that read openapi-typescript's operation types.
 * @module
 */
import type { Logger } from './logger.ts';

/** Who is calling, as verified by API Gateway's authorizer or the local gateway. */
export interface AuthContext {
  /** The security scheme that authenticated the request, or null for public operations. */
  readonly scheme: string | null;
  /** The subject (`sub` of a JWT, the API key id). */
  readonly subject?: string;
  readonly scopes: readonly string[];
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface HandlerContext<D = unknown> {
  readonly requestId: string;
  readonly operationId: string;
  readonly logger: Logger;
  /** Milliseconds left before the platform stops this invocation. */
  remainingTimeMs(): number;
  /** The context's dependencies (repositories, SDK clients), created once per function. */
  readonly deps: D;
}

export interface HandlerRequestBase<D = unknown> {
  readonly auth: AuthContext;
  readonly context: HandlerContext<D>;
}

export type HandlerReturn<R> = R | Promise<R>;

type Present<T> = [T] extends [never]
  ? Record<string, never>
  : [T] extends [undefined]
    ? Record<string, never>
    : NonNullable<T>;

/**
 * The decoded parameters of one location, from an openapi-typescript operation type.
 * @example type Q = ParametersIn<paths['/orders']['get'], 'query'>;
 */
export type ParametersIn<
  Operation,
  Location extends 'path' | 'query' | 'header' | 'cookie',
> = Operation extends {
  parameters: infer P;
}
  ? P extends Partial<Record<Location, unknown>>
    ? Present<P[Location]>
    : Record<string, never>
  : Record<string, never>;
