/**
 * Turns what the AWS SDK throws into one CLI message and exit code: which call failed, on which
 * REST API and stage, what AWS said, and what to do about it. Scripts can tell the cases apart
 * by the code alone (retry on 5, fix access on 4, fix the ids on 3).
 * @module
 */

/** Exit codes of charter's AWS commands, beside 0 (done), 1 (drift found) and 2 (unusable input). */
export const AWS_EXIT = {
  /** The request was refused as invalid (e.g. an SDK parameter), or no region is configured. */
  badRequest: 2,
  /** No such REST API, stage or SDK type. */
  notFound: 3,
  /** No credentials, or AWS refused them or their permissions. */
  accessDenied: 4,
  /** Throttled, unavailable or unreachable, after the SDK's own retries. */
  unavailable: 5,
} as const;

export interface AwsCall {
  /** The API Gateway operation, e.g. `GetSdk`. */
  readonly operation: string;
  readonly restApiId: string;
  readonly stage: string;
  /** The IAM resource the call needs `apigateway:GET` on, relative to the API. */
  readonly resource: string;
  readonly region?: string;
  readonly endpoint?: string;
}

export interface AwsFailure {
  readonly exitCode: number;
  readonly message: string;
}

interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly retryAfterSeconds?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

const DENIED = new Set([
  'AccessDeniedException',
  'UnauthorizedException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
]);
const UNAVAILABLE = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ServiceUnavailableException',
  'ThrottlingException',
  'TimeoutError',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/**
 * @example describeAwsFailure(error, { operation: 'GetSdk', restApiId: 'a1b2c3', stage: 'prod', resource: 'sdks/java' })
 */
export function describeAwsFailure(error: unknown, call: AwsCall): AwsFailure {
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const said = e.message ? `AWS said: ${e.message}` : `AWS answered ${status ?? 'with an error'}`;
  const where = `REST API ${call.restApiId}, stage ${call.stage}${call.region ? ` in ${call.region}` : ''}`;
  const arn = `arn:aws:apigateway:${call.region ?? '<region>'}::/restapis/${call.restApiId}/stages/${call.stage}/${call.resource}`;

  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(e.message ?? '')) {
    return {
      exitCode: AWS_EXIT.accessDenied,
      message:
        `${call.operation}: no AWS credentials found (${e.message ?? name}). Set AWS_PROFILE or ` +
        'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run `aws sso login`, or run where a role is attached.',
    };
  }
  if (/region is missing/i.test(e.message ?? '')) {
    return {
      exitCode: AWS_EXIT.badRequest,
      message: `${call.operation}: no AWS region configured. Set AWS_REGION (e.g. AWS_REGION=eu-west-1) or region in your AWS profile.`,
    };
  }
  if (name === 'NotFoundException' || status === 404) {
    return {
      exitCode: AWS_EXIT.notFound,
      message: `${call.operation}: ${where} was not found (${said}). Check --rest-api-id and --stage (\`aws apigateway get-stages --rest-api-id ${call.restApiId}\`) and that AWS_REGION is the API's region.`,
    };
  }
  if (DENIED.has(name) || status === 401 || status === 403) {
    return {
      exitCode: AWS_EXIT.accessDenied,
      message: `${call.operation}: AWS refused the request on ${where} (${name || status}; ${said}). Check that the credentials are valid and current, and that they allow apigateway:GET on ${arn}.`,
    };
  }
  if (UNAVAILABLE.has(name) || status === 429 || (status !== undefined && status >= 500)) {
    const attempts = e.$metadata?.attempts;
    const retry = e.retryAfterSeconds ? ` AWS asked to wait ${e.retryAfterSeconds} s.` : '';
    return {
      exitCode: AWS_EXIT.unavailable,
      message: `${call.operation}: API Gateway is throttling or unavailable for ${where} (${name || status}${attempts ? `, after ${attempts} attempt(s)` : ''}; ${said}).${retry} Try again later; AWS_MAX_ATTEMPTS raises the number of retries.`,
    };
  }
  if (NETWORK.has(e.code ?? '') || NETWORK.has(name)) {
    return {
      exitCode: AWS_EXIT.unavailable,
      message: `${call.operation}: cannot reach API Gateway${call.endpoint ? ` at ${call.endpoint}` : ''} (${e.code ?? name}: ${e.message ?? ''}). Check the network, proxy settings and --endpoint.`,
    };
  }
  if (name === 'BadRequestException' || status === 400) {
    return {
      exitCode: AWS_EXIT.badRequest,
      message: `${call.operation}: API Gateway refused the request for ${where} as invalid (${said}).`,
    };
  }
  return {
    exitCode: AWS_EXIT.unavailable,
    message: `${call.operation}: failed for ${where}: ${name ? `${name}: ` : ''}${e.message ?? String(error)}`,
  };
}
