/**
 * charter's JWT authorizer for REST APIs (which, unlike HTTP APIs, have no built-in JWT check):
 * verifies a bearer token against the issuer's JWKS and hands the claims to the function as the
 * authorizer context, where the Lambda adapter reads them. Scopes are checked by the runtime
 * core per operation, so the policy allows the whole stage and API Gateway may cache it per token.
 * Bundled by esbuild at synth; only jose ships with it.
 * @module
 */
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';

export interface JwtSettings {
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly jwksUri: string;
}

/**
 * Settings from the environment the construct sets.
 * @example settingsFromEnv({ JWT_ISSUER: 'https://id.shop.example/', JWT_AUDIENCE: 'shop' }).jwksUri // 'https://id.shop.example/.well-known/jwks.json'
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): JwtSettings {
  const issuer = env.JWT_ISSUER ?? '';
  return {
    issuer,
    audience: (env.JWT_AUDIENCE ?? '').split(',').filter(Boolean),
    jwksUri: env.JWKS_URI || `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
  };
}

/**
 * @example const authorize = createAuthorizer({ issuer, audience: ['api'], jwksUri });
 */
export function createAuthorizer(settings: JwtSettings) {
  // Kept per execution environment: jose caches the keys and refetches on an unknown `kid`.
  const keys = createRemoteJWKSet(new URL(settings.jwksUri));
  return async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const token = /^bearer (.+)$/i.exec(event.authorizationToken ?? '')?.[1];
    // API Gateway answers 401 (its UNAUTHORIZED gateway response) for exactly this message.
    if (!token) throw new Error('Unauthorized');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: [...settings.audience],
      }));
    } catch {
      throw new Error('Unauthorized');
    }
    return {
      principalId: typeof payload.sub === 'string' ? payload.sub : 'unknown',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWildcard(event.methodArn) },
        ],
      },
      context: flatten(payload),
    };
  };
}

/**
 * The whole stage, since API Gateway caches the verdict per token and reuses it for every operation.
 * @example stageWildcard('arn:aws:execute-api:eu-west-1:1:api/prod/GET/orders') // 'arn:aws:execute-api:eu-west-1:1:api/prod/*'
 */
export function stageWildcard(methodArn: string): string {
  // `arn:aws:execute-api:<region>:<account>:<api id>` / `<stage>` / method / path...
  const [api, stage] = methodArn.split('/');
  return `${api}/${stage}/*`;
}

/**
 * Claims as an authorizer context, whose values must be strings, numbers or booleans.
 * @example flatten({ sub: 'u1', scp: ['a', 'b'] }) // { sub: 'u1', scope: 'a b' }
 */
export function flatten(payload: JWTPayload): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[name] = value;
    else if (Array.isArray(value) && name === 'scp') out.scope = value.join(' ');
    else if (Array.isArray(value)) out[name] = value.join(' ');
    else if (value !== null && value !== undefined) out[name] = JSON.stringify(value);
  }
  return out;
}

let authorize: ReturnType<typeof createAuthorizer> | undefined;

/**
 * The Lambda entry point (`index.handler` in the bundle).
 * @example await handler({ type: 'TOKEN', methodArn, authorizationToken: 'Bearer eyJ...' })
 */
export async function handler(event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  authorize ??= createAuthorizer(settingsFromEnv());
  return authorize(event);
}
