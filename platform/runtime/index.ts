/**
 * The charter runtime: the only part of the platform shipped inside functions.
 *
 * - Core: {@link createApp} runs one request through route → auth → validate → handler → response.
 * - Types the generated handler signatures use.
 * - Problems: the RFC 9457 errors the core answers with.
 * @module
 */
export {
  type App,
  type AppOptions,
  type CoreRequest,
  createApp,
  MAX_BODY_BYTES,
  type ResponseValidationMode,
} from './core/app.ts';
export {
  ANONYMOUS,
  type Authenticator,
  type AuthInput,
  type Principal,
  scopesFromClaims,
  upstreamAuthenticator,
  type VerifiedIdentity,
} from './core/authenticate.ts';
export type {
  AuthContext,
  HandlerContext,
  HandlerRequestBase,
  HandlerReturn,
  ParametersIn,
} from './core/handler-types.ts';
export { jsonLogger, type Logger, type LogLevel, silentLogger } from './core/logger.ts';
export type {
  CompiledOperation,
  ContextRoutes,
  MediaSpec,
  ParameterSpec,
  ResponseValidators,
  RouteEntry,
  SecuritySchemeSpec,
  ValidateFunction,
} from './core/operation.ts';
export {
  type FieldError,
  ForbiddenError,
  HttpError,
  InternalServerError,
  MethodNotAllowedError,
  NotFoundError,
  NotImplementedError,
  PayloadTooLargeError,
  PROBLEM_MEDIA_TYPE,
  type ProblemBody,
  RequestValidationError,
  ResponseContractError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './core/problem.ts';
export type { CoreResponse, HandlerResult } from './core/respond.ts';
