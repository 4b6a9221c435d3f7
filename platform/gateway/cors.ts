/**
 * CORS for the local gateway, from charter.config.json's `dev.cors`: answers preflights and
 * adds the response headers a browser needs, only for allowed origins.
 * @module
 */
import type { CorsConfig } from '../config/charter-config.ts';

/** Headers for a preflight (`OPTIONS` with `Access-Control-Request-Method`), or undefined when the origin is not allowed. */
export function preflightHeaders(
  cors: CorsConfig,
  origin: string | undefined,
  allowedMethods: readonly string[],
): Record<string, string> | undefined {
  const allowOrigin = allowedOrigin(cors, origin);
  if (!allowOrigin) return undefined;
  return {
    ...baseHeaders(cors, allowOrigin),
    'access-control-allow-methods': allowedMethods.join(', '),
    'access-control-allow-headers': cors.allowHeaders.join(', '),
    'access-control-max-age': String(cors.maxAgeSeconds),
  };
}

/** Headers added to an actual response for an allowed origin. */
export function responseCorsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  const allowOrigin = allowedOrigin(cors, origin);
  if (!allowOrigin) return origin ? { vary: 'Origin' } : {};
  return {
    ...baseHeaders(cors, allowOrigin),
    'access-control-expose-headers': cors.exposeHeaders.join(', '),
  };
}

function allowedOrigin(cors: CorsConfig, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes(origin)) return origin;
  // With credentials a browser refuses `*`; echo the origin instead.
  if (cors.allowOrigins.includes('*')) return cors.allowCredentials ? origin : '*';
  return undefined;
}

function baseHeaders(cors: CorsConfig, allowOrigin: string): Record<string, string> {
  return {
    'access-control-allow-origin': allowOrigin,
    vary: 'Origin',
    ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}
