/**
 * What each implementation in the request-overhead benchmark provides: one Lambda entry per
 * bench operation, answering the same API Gateway events.
 * @module
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Operation } from '../lib/events.ts';

export type LambdaEntry = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface Implementation {
  readonly name: string;
  /** The function API Gateway would invoke for this operation. */
  entry(operation: Operation): LambdaEntry;
}

export const LAMBDA_CONTEXT = {
  awsRequestId: 'bench-request',
  functionName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

export const ORDER_SCOPE = 'orders:write';

/** Scopes from a Cognito / JWT authorizer's claims, as every implementation reads them. */
export function scopesOf(event: APIGatewayProxyEvent): string[] {
  const claims = (event.requestContext.authorizer as { claims?: { scope?: string } } | null)?.claims;
  return typeof claims?.scope === 'string' ? claims.scope.split(' ') : [];
}

export function subjectOf(event: APIGatewayProxyEvent): string | undefined {
  const claims = (event.requestContext.authorizer as { claims?: { sub?: string } } | null)?.claims;
  return claims?.sub;
}

/** A JSON proxy result. */
export function json(
  statusCode: number,
  body: unknown,
  contentType = 'application/json',
): APIGatewayProxyResult {
  return { statusCode, headers: { 'content-type': contentType }, body: JSON.stringify(body) };
}

/** A 400 problem listing the failing fields, the shape every implementation answers with. */
export function badRequest(
  errors: readonly { in: string; pointer?: string; name?: string; message: string }[],
): APIGatewayProxyResult {
  return json(
    400,
    {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: `${errors.length} field(s) are invalid.`,
      errors,
    },
    'application/problem+json',
  );
}
