/**
 * The HTTP adapter: one context served by node:http in production (its Fargate container),
 * through the same core as the Lambda adapter.
 *
 * - Server: {@link startHttpServer}, {@link serveContext} (the container's main)
 * - Identity from API Gateway: {@link identityFromHeaders}, {@link IDENTITY_HEADERS}
 * @module
 */
export { type HttpServer, type HttpServerOptions, startHttpServer } from './http-server.ts';
export { type ServeContextOptions, serveContext } from './serve-context.ts';
export { IDENTITY_HEADERS, identityFromHeaders, identityHeaders } from './trusted-identity.ts';
