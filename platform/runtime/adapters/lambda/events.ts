/**
 * Converters between API Gateway events and the core's request and response, one small
 * function per conversion. REST APIs send payload 1.0 events; HTTP APIs send 2.0.
 * @module
 */
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { CoreRequest } from '../../core/app.ts';
import type { VerifiedIdentity } from '../../core/authenticate.ts';
import { scopesFromClaims } from '../../core/authenticate.ts';
import type { CoreResponse } from '../../core/respond.ts';

export type ApiGatewayEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2;
export type ApiGatewayResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2;

export function isV2(event: ApiGatewayEvent): event is APIGatewayProxyEventV2 {
  return (event as APIGatewayProxyEventV2).version === '2.0';
}

/** Payload 1.0 (REST API): multi-value headers and query strings are already decoded. */
export function requestFromV1(
  event: APIGatewayProxyEvent,
  context: Context | undefined,
  basePath: string,
): CoreRequest {
  // for...in rather than Object.entries: no pair arrays on every request.
  const headers: Record<string, string> = {};
  const multiHeaders = event.multiValueHeaders;
  for (const name in multiHeaders) {
    const values = multiHeaders[name];
    if (values && values.length > 0)
      headers[name.toLowerCase()] = values.length === 1 ? values[0] : values.join(', ');
  }
  const singleHeaders = event.headers;
  for (const name in singleHeaders) {
    const value = singleHeaders[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (!(lower in headers)) headers[lower] = value;
  }
  const query: Record<string, string[]> = {};
  const multiQuery = event.multiValueQueryStringParameters;
  for (const name in multiQuery) {
    const values = multiQuery[name];
    if (values) query[name] = values;
  }
  const singleQuery = event.queryStringParameters;
  for (const name in singleQuery) {
    const value = singleQuery[name];
    if (value !== undefined && !(name in query)) query[name] = [value];
  }
  return {
    method: event.httpMethod.toUpperCase(),
    path: event.path || '/',
    basePath,
    query,
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
    requestId: event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown',
    matched: templateOf(event.resource, event.pathParameters),
    verified: verifiedFromV1(event),
    remainingTimeMs: context ? () => context.getRemainingTimeInMillis() : undefined,
  };
}

/** Payload 2.0 (HTTP API): a raw query string, comma-joined headers, cookies on their own. */
export function requestFromV2(
  event: APIGatewayProxyEventV2,
  context: Context | undefined,
  basePath: string,
): CoreRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  if (event.cookies && event.cookies.length > 0) headers.cookie = event.cookies.join('; ');
  const template = event.routeKey && event.routeKey !== '$default' ? event.routeKey.split(' ')[1] : undefined;
  return {
    method: event.requestContext.http.method.toUpperCase(),
    path: event.rawPath || '/',
    basePath,
    query: event.rawQueryString ?? '',
    headers,
    body: bodyOf(event.body, event.isBase64Encoded),
    requestId: event.requestContext.requestId ?? context?.awsRequestId ?? 'unknown',
    matched: templateOf(template, event.pathParameters),
    verified: verifiedFromV2(event),
    remainingTimeMs: context ? () => context.getRemainingTimeInMillis() : undefined,
  };
}

export function resultForV1(response: CoreResponse): APIGatewayProxyResult {
  const { body, isBase64Encoded } = encodeBody(response.body);
  return { statusCode: response.status, headers: response.headers, body, isBase64Encoded };
}

export function resultForV2(response: CoreResponse): APIGatewayProxyStructuredResultV2 {
  const { body, isBase64Encoded } = encodeBody(response.body);
  return { statusCode: response.status, headers: response.headers, body, isBase64Encoded };
}

function encodeBody(body: CoreResponse['body']): { body: string; isBase64Encoded: boolean } {
  if (body === undefined) return { body: '', isBase64Encoded: false };
  if (typeof body === 'string') return { body, isBase64Encoded: false };
  return { body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
}

function bodyOf(body: string | null | undefined, base64: boolean): string | Uint8Array | undefined {
  if (body === null || body === undefined) return undefined;
  return base64 ? Buffer.from(body, 'base64') : body;
}

/** A `{proxy+}` resource tells nothing about the operation: match the path instead. */
function templateOf(
  template: string | undefined,
  pathParameters: Record<string, string | undefined> | null | undefined,
): CoreRequest['matched'] {
  if (!template || template.includes('+}')) return undefined;
  const values: Record<string, string> = {};
  for (const name in pathParameters) {
    const value = pathParameters[name];
    if (value !== undefined) values[name] = value;
  }
  return { template, pathParameters: values };
}

function verifiedFromV1(event: APIGatewayProxyEvent): VerifiedIdentity | undefined {
  const authorizer = event.requestContext?.authorizer as Record<string, unknown> | null | undefined;
  const apiKeyId = event.requestContext?.identity?.apiKeyId ?? undefined;
  if (!authorizer && !apiKeyId) return undefined;
  // Cognito user-pool authorizers put claims under `claims`; Lambda authorizers spread their
  // context next to `principalId`.
  const claims =
    (authorizer?.claims as Record<string, unknown> | undefined) ?? withoutReserved(authorizer ?? {});
  return { claims, scopes: scopesFromClaims(claims), apiKeyId };
}

function verifiedFromV2(event: APIGatewayProxyEventV2): VerifiedIdentity | undefined {
  const authorizer = (event.requestContext as { authorizer?: Record<string, unknown> }).authorizer;
  if (!authorizer) return undefined;
  const jwt = authorizer.jwt as { claims?: Record<string, unknown>; scopes?: string[] | null } | undefined;
  if (jwt?.claims) return { claims: jwt.claims, scopes: jwt.scopes ?? scopesFromClaims(jwt.claims) };
  const lambda = authorizer.lambda as Record<string, unknown> | undefined;
  if (lambda) return { claims: lambda, scopes: scopesFromClaims(lambda) };
  return undefined;
}

function withoutReserved(authorizer: Record<string, unknown>): Record<string, unknown> {
  const { integrationLatency: _latency, ...rest } = authorizer;
  if (rest.principalId !== undefined && rest.sub === undefined) rest.sub = rest.principalId;
  return rest;
}
