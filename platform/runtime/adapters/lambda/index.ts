/**
 * The Lambda adapter: API Gateway REST (payload 1.0) and HTTP API (payload 2.0) events in,
 * proxy results out, through the same core the local gateway uses.
 * @module
 */
import type { Context } from 'aws-lambda';
import { type AppOptions, createApp } from '../../core/app.ts';
import { upstreamAuthenticator } from '../../core/authenticate.ts';
import {
  type ApiGatewayEvent,
  type ApiGatewayResult,
  isV2,
  requestFromV1,
  requestFromV2,
  resultForV1,
  resultForV2,
} from './events.ts';

export interface LambdaHandlerOptions<D> extends Omit<AppOptions<D>, 'authenticator'> {
  /** @default the API Gateway authorizer's verified claims */
  readonly authenticator?: AppOptions<D>['authenticator'];
  /** Custom-domain base path to strip when matching by path. @default `/<context>` */
  readonly basePath?: string;
}

export type LambdaHandler = (event: ApiGatewayEvent, context?: Context) => Promise<ApiGatewayResult>;

/**
 * @example
 * export const handler = createLambdaHandler({ routes: contextRoutes, handlers, deps: createDeps() });
 */
export function createLambdaHandler<D>(options: LambdaHandlerOptions<D>): LambdaHandler {
  const app = createApp({ ...options, authenticator: options.authenticator ?? upstreamAuthenticator });
  const basePath = options.basePath ?? `/${options.routes.context}`;
  return (event, context) => {
    try {
      if (isV2(event)) {
        const answered = app.answer(requestFromV2(event, context, basePath));
        return answered instanceof Promise
          ? answered.then(resultForV2)
          : Promise.resolve(resultForV2(answered));
      }
      const answered = app.answer(requestFromV1(event, context, basePath));
      return answered instanceof Promise
        ? answered.then(resultForV1)
        : Promise.resolve(resultForV1(answered));
    } catch (error) {
      // As from an async function: a malformed event rejects rather than throws.
      return Promise.reject(error);
    }
  };
}

export type { ApiGatewayEvent, ApiGatewayResult };
