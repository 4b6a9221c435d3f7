/**
 * Builders for API Gateway proxy events shaped as API Gateway sends them: REST API payload 1.0
 * (with multi-value headers and query strings) and HTTP API payload 2.0 (raw query string,
 * comma-joined headers, cookies apart).
 * @module
 */
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda';

export interface EventInput {
  readonly method: string;
  /** Path as the client sent it, including the custom-domain base path when there is one. */
  readonly path: string;
  /** Raw query string without `?`. */
  readonly query?: string;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string | Buffer;
  /** Send the body base64-encoded, as API Gateway does for binary media types. */
  readonly base64?: boolean;
  /** The resource / route template API Gateway matched, with its path parameters. */
  readonly resource?: { template: string; pathParameters: Record<string, string> };
  /** Claims an authorizer verified (Cognito / JWT authorizer). */
  readonly claims?: Record<string, unknown>;
  readonly apiKeyId?: string;
  readonly requestId?: string;
}

export function restApiEvent(input: EventInput): APIGatewayProxyEvent {
  const multiValueHeaders: Record<string, string[]> = {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    multiValueHeaders[name] = values;
    headers[name] = values[values.length - 1];
  }
  const multiValueQuery: Record<string, string[]> = {};
  for (const part of (input.query ?? '').split('&').filter(Boolean)) {
    const [name, value = ''] = part.split('=');
    const decode = (s: string) => decodeURIComponent(s.replaceAll('+', ' '));
    (multiValueQuery[decode(name)] ??= []).push(decode(value));
  }
  const queryStringParameters = Object.fromEntries(
    Object.entries(multiValueQuery).map(([k, v]) => [k, v[v.length - 1]]),
  );
  const { body, isBase64Encoded } = encodeBody(input);
  return {
    httpMethod: input.method,
    path: input.path,
    resource: input.resource?.template ?? '/{proxy+}',
    pathParameters: input.resource?.pathParameters ?? { proxy: input.path.slice(1) },
    headers,
    multiValueHeaders,
    queryStringParameters: Object.keys(queryStringParameters).length > 0 ? queryStringParameters : null,
    multiValueQueryStringParameters: Object.keys(multiValueQuery).length > 0 ? multiValueQuery : null,
    body,
    isBase64Encoded,
    stageVariables: null,
    requestContext: {
      requestId: input.requestId ?? 'req-v1',
      authorizer: input.claims ? { claims: input.claims } : null,
      identity: { apiKeyId: input.apiKeyId ?? null },
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

export function httpApiEvent(input: EventInput): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (name.toLowerCase() === 'cookie') cookies = values.flatMap((v) => v.split('; '));
    else headers[name.toLowerCase()] = values.join(',');
  }
  const { body, isBase64Encoded } = encodeBody(input);
  const authorizer = input.claims ? { jwt: { claims: input.claims, scopes: null } } : undefined;
  return {
    version: '2.0',
    routeKey: input.resource ? `${input.method} ${input.resource.template}` : '$default',
    rawPath: input.path,
    rawQueryString: input.query ?? '',
    cookies,
    headers,
    pathParameters: input.resource?.pathParameters,
    body: body ?? undefined,
    isBase64Encoded,
    requestContext: {
      requestId: input.requestId ?? 'req-v2',
      http: {
        method: input.method,
        path: input.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      ...(authorizer ? { authorizer } : {}),
    } as unknown as APIGatewayProxyEventV2['requestContext'],
  };
}

function encodeBody(input: EventInput): { body: string | null; isBase64Encoded: boolean } {
  if (input.body === undefined) return { body: null, isBase64Encoded: false };
  if (input.base64) return { body: Buffer.from(input.body).toString('base64'), isBase64Encoded: true };
  return { body: input.body.toString(), isBase64Encoded: false };
}
