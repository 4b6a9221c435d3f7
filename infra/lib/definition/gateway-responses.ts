/**
 * What API Gateway answers itself (before or instead of a function), in the same RFC 9457
 * `application/problem+json` shape, problem types and statuses the runtime core uses, so a
 * client cannot tell which of the two refused its request.
 * @module
 */

interface GatewayProblem {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  /** A gateway template expression or fixed text; must stay valid inside a JSON string. */
  readonly detail: string;
  readonly errors?: string;
}

/**
 * API Gateway response types charter answers in problem+json, keyed by response type.
 * @example GATEWAY_PROBLEMS.THROTTLED.status // 429
 */
export const GATEWAY_PROBLEMS: Readonly<Record<string, GatewayProblem>> = {
  BAD_REQUEST_BODY: {
    status: 400,
    slug: 'request-validation',
    title: 'Bad Request',
    detail: 'The request body does not match the contract.',
    errors: '[{"in":"body","message":"$context.error.validationErrorString"}]',
  },
  BAD_REQUEST_PARAMETERS: {
    status: 400,
    slug: 'request-validation',
    title: 'Bad Request',
    detail: '$context.error.message',
  },
  UNAUTHORIZED: {
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'This operation needs valid credentials.',
  },
  // API Gateway's 403s for a missing or invalid API key are authentication failures: the core
  // answers those with 401 too.
  INVALID_API_KEY: {
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'This operation needs a valid API key in the X-Api-Key header.',
  },
  EXPIRED_TOKEN: {
    status: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'The token has expired.',
  },
  INVALID_SIGNATURE: {
    status: 403,
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'The request signature is not valid.',
  },
  ACCESS_DENIED: {
    status: 403,
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'The credentials are valid but do not allow this operation.',
  },
  WAF_FILTERED: {
    status: 403,
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'The request was blocked by the firewall.',
  },
  // With no IAM auth in use, this is what API Gateway answers for a path no operation has.
  MISSING_AUTHENTICATION_TOKEN: {
    status: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: 'No operation matches $context.httpMethod $context.path.',
  },
  RESOURCE_NOT_FOUND: {
    status: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: 'No operation matches $context.httpMethod $context.path.',
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    slug: 'payload-too-large',
    title: 'Content Too Large',
    detail: 'The request body is larger than 10485760 bytes.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    slug: 'unsupported-media-type',
    title: 'Unsupported Media Type',
    detail: 'The Content-Type of the request is not accepted.',
  },
  THROTTLED: {
    status: 429,
    slug: 'too-many-requests',
    title: 'Too Many Requests',
    detail: 'The request rate is over the limit; retry later.',
  },
  QUOTA_EXCEEDED: {
    status: 429,
    slug: 'too-many-requests',
    title: 'Too Many Requests',
    detail: "The API key's quota is used up.",
  },
  AUTHORIZER_FAILURE: {
    status: 500,
    slug: 'internal',
    title: 'Internal Server Error',
    detail: 'The credentials could not be checked. Quote request id $context.requestId when reporting this.',
  },
  AUTHORIZER_CONFIGURATION_ERROR: {
    status: 500,
    slug: 'internal',
    title: 'Internal Server Error',
    detail: 'The credentials could not be checked. Quote request id $context.requestId when reporting this.',
  },
  INTEGRATION_FAILURE: {
    status: 502,
    slug: 'bad-gateway',
    title: 'Bad Gateway',
    detail: 'The function could not answer. Quote request id $context.requestId when reporting this.',
  },
  INTEGRATION_TIMEOUT: {
    status: 504,
    slug: 'timeout',
    title: 'Gateway Timeout',
    detail: 'The function did not answer in time. Quote request id $context.requestId.',
  },
  // Every 4xx type API Gateway documents is listed above; this catches types added later.
  DEFAULT_4XX: {
    status: 400,
    slug: 'bad-request',
    title: 'Bad Request',
    detail: '$context.error.message',
  },
  DEFAULT_5XX: {
    status: 500,
    slug: 'internal',
    title: 'Internal Server Error',
    detail: 'The request could not be completed. Quote request id $context.requestId when reporting this.',
  },
};

/**
 * The definition's `x-amazon-apigateway-gateway-responses`.
 * @param challenge `WWW-Authenticate` value on 401s, when the API has a bearer or basic scheme
 * @example gatewayResponses('Bearer').UNAUTHORIZED.statusCode // '401'
 */
export function gatewayResponses(challenge?: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(GATEWAY_PROBLEMS).map(([type, problem]) => {
      const body = [
        `"type":"urn:charter:problem:${problem.slug}"`,
        `"title":"${problem.title}"`,
        `"status":${problem.status}`,
        `"detail":"${problem.detail}"`,
        '"instance":"urn:request:$context.requestId"',
        ...(problem.errors ? [`"errors":${problem.errors}`] : []),
      ].join(',');
      const headers: Record<string, string> = {
        'Content-Type': "'application/problem+json'",
        'X-Request-Id': 'context.requestId',
      };
      if (challenge && problem.status === 401) headers['WWW-Authenticate'] = `'${challenge}'`;
      return [
        type,
        {
          statusCode: String(problem.status),
          responseParameters: Object.fromEntries(
            Object.entries(headers).map(([name, value]) => [`gatewayresponse.header.${name}`, value]),
          ),
          responseTemplates: { 'application/json': `{${body}}` },
        },
      ];
    }),
  );
}
