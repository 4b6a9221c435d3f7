/**
 * Maps a contract's security requirements onto what an API Gateway REST API can enforce per
 * operation: at most one authorizer, optionally with an API key. The authorizer checks the
 * credentials (and, for Cognito, the scopes); the runtime core checks every operation's scopes
 * again from the verified claims, as DESIGN.md asks.
 * @module
 */
import type {
  ContractModel,
  OperationModel,
  SecuritySchemeModel,
} from '../../../platform/codegen/model/model.ts';

type Json = Record<string, unknown>;

/** An authorizer as the definition names it; ARNs may be CDK tokens. */
export type GatewayAuthorizer =
  | { readonly kind: 'cognito'; readonly providerArns: readonly string[] }
  | {
      readonly kind: 'lambda';
      readonly type: 'token' | 'request';
      /** `arn:...:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations` */
      readonly uri: string;
      /** Role API Gateway assumes to invoke the authorizer. */
      readonly credentialsArn: string;
      readonly identitySource: string;
      readonly resultTtlSeconds: number;
      readonly identityValidationExpression?: string;
    };

/** The authorizer bound to a contract scheme; schemes sharing one authorizer share its `key`. */
export interface BoundScheme {
  readonly key: string;
  readonly authorizer: GatewayAuthorizer;
}

export interface GatewaySecurity {
  readonly securitySchemes: Json;
  /** Per operationId: the definition's `security`, or undefined for a public operation. */
  readonly operations: ReadonlyMap<string, readonly Json[] | undefined>;
  readonly usesApiKeys: boolean;
  /** `WWW-Authenticate` challenge for the API's 401s. */
  readonly challenge?: string;
  readonly problems: readonly string[];
}

const API_KEY = 'api_key';

/** @example gatewaySecurity(model, new Map([['bearerAuth', { key: 'bearerAuth', authorizer }]])) */
export function gatewaySecurity(
  model: ContractModel,
  bound: ReadonlyMap<string, BoundScheme>,
): GatewaySecurity {
  const problems: string[] = [];
  const schemes = new Map(model.securitySchemes.map((s) => [s.name, s]));
  const operations = new Map<string, Json[] | undefined>();
  const usedKeys = new Set<string>();
  let usesApiKeys = false;
  const reported = new Set<string>();
  for (const op of model.operations) {
    const where = `${model.sourceFile}#${op.pointer}/security`;
    const alternatives = op.security.map((requirement) => Object.entries(requirement));
    if (alternatives.length === 0 || (alternatives.length === 1 && alternatives[0].length === 0)) {
      operations.set(op.operationId, undefined);
      continue;
    }
    const shapes: { key?: string; apiKey: boolean; scopes: readonly string[] }[] = [];
    for (const alternative of alternatives) {
      if (alternative.length === 0) {
        problems.push(
          `${where}: ${label(op)} makes authentication optional ({}); API Gateway cannot run an authorizer only when credentials are sent. Require one scheme, or split the operation`,
        );
        continue;
      }
      const shape = { key: undefined as string | undefined, apiKey: false, scopes: [] as readonly string[] };
      for (const [name, scopes] of alternative) {
        const scheme = schemes.get(name);
        const binding = bound.get(name);
        if (scheme?.type === 'apiKey' && !binding) {
          if (!reported.has(name)) checkApiKeyScheme(model, scheme, problems);
          reported.add(name);
          shape.apiKey = true;
        } else if (!binding) {
          if (!reported.has(name)) problems.push(missingAuthorizer(model, name, scheme));
          reported.add(name);
        } else if (shape.key !== undefined && shape.key !== binding.key) {
          problems.push(
            `${where}: ${label(op)} needs ${shape.key} and ${binding.key} together; API Gateway runs one authorizer per operation. Use one scheme (an API key may accompany it)`,
          );
        } else {
          shape.key = binding.key;
          shape.scopes = scopes;
        }
      }
      shapes.push(shape);
    }
    const first = shapes[0];
    if (!first) continue;
    if (shapes.some((s) => s.key !== first.key || s.apiKey !== first.apiKey)) {
      problems.push(
        `${where}: ${label(op)} accepts ${describe(op)}; API Gateway needs every alternative to use the same authorizer. Bind those schemes to one authorizer (e.g. one Lambda authorizer for both), or keep one alternative`,
      );
      continue;
    }
    // A requirement lists scopes that must all be present; API Gateway accepts any one of its
    // list. The gateway check is looser, and the core checks all of them after it.
    const scopes = shapes.some((s) => s.scopes.length === 0)
      ? []
      : [...new Set(shapes.flatMap((s) => s.scopes))];
    const requirement: Json = {};
    if (first.key) {
      const authorizer = [...bound.values()].find((b) => b.key === first.key)?.authorizer;
      requirement[first.key] = authorizer?.kind === 'cognito' ? scopes : [];
      usedKeys.add(first.key);
    }
    if (first.apiKey) {
      requirement[API_KEY] = [];
      usesApiKeys = true;
    }
    operations.set(op.operationId, [requirement]);
  }
  return {
    securitySchemes: definitionSchemes(bound, usedKeys, usesApiKeys),
    operations,
    usesApiKeys,
    challenge: challengeFor(model, bound, usedKeys),
    problems,
  };
}

function definitionSchemes(
  bound: ReadonlyMap<string, BoundScheme>,
  used: Set<string>,
  apiKeys: boolean,
): Json {
  const out: Json = {};
  if (apiKeys) out[API_KEY] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  for (const { key, authorizer } of bound.values()) {
    if (!used.has(key) || out[key]) continue;
    if (authorizer.kind === 'cognito') {
      out[key] = {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: authorizer.providerArns,
        },
      };
      continue;
    }
    const header = /^method\.request\.header\.(.+)$/.exec(authorizer.identitySource)?.[1] ?? 'Authorization';
    out[key] = {
      type: 'apiKey',
      name: header,
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: authorizer.type,
        authorizerUri: authorizer.uri,
        authorizerCredentials: authorizer.credentialsArn,
        authorizerResultTtlInSeconds: authorizer.resultTtlSeconds,
        ...(authorizer.type === 'request' ? { identitySource: authorizer.identitySource } : {}),
        ...(authorizer.identityValidationExpression
          ? { identityValidationExpression: authorizer.identityValidationExpression }
          : {}),
      },
    };
  }
  return out;
}

function checkApiKeyScheme(model: ContractModel, scheme: SecuritySchemeModel, problems: string[]): void {
  if (scheme.in === 'header' && scheme.parameterName?.toLowerCase() === 'x-api-key') return;
  problems.push(
    `${model.sourceFile}#/components/securitySchemes/${scheme.name}: API Gateway reads API keys only from the X-Api-Key header, this scheme sends one in the ${scheme.in} "${scheme.parameterName}". Change it to in: header, name: X-Api-Key, or check it with a Lambda authorizer (authorizers.${scheme.name}, or /deploy/auth/${scheme.name}/lambda in charter.config.json)`,
  );
}

function missingAuthorizer(
  model: ContractModel,
  name: string,
  scheme: SecuritySchemeModel | undefined,
): string {
  const where = `${model.sourceFile}#/components/securitySchemes/${name}`;
  const named = (model.bundled.components as Json | undefined)?.securitySchemes as Json | undefined;
  const authorizerName = (named?.[name] as Json | undefined)?.['x-charter-authorizer'];
  if (typeof authorizerName === 'string')
    return `${where}: the contract names Lambda authorizer "${authorizerName}" but none was given; set /deploy/authorizers/${authorizerName}/functionArn in charter.config.json (or pass authorizers.${name})`;
  if (scheme?.type === 'mutualTLS')
    return `${where}: mutual TLS is checked on a custom domain, not per operation; charter does not deploy it yet. Use another scheme`;
  const kind =
    scheme?.type === 'http' && scheme.scheme !== 'bearer'
      ? `{ "lambda": { "functionArn": ... } } (API Gateway has no built-in ${scheme.scheme ?? 'http'} check)`
      : '{ "jwt": { "issuer": ..., "audience": [...] } }, { "cognito": { "userPoolArn": ... } } or { "lambda": { "functionArn": ... } }';
  return `${where}: security scheme "${name}" has no authorizer; set /deploy/auth/${name} in charter.config.json to ${kind}, or pass authorizers.${name} (SchemeAuthorizer.jwt, .cognito or .lambda)`;
}

function challengeFor(
  model: ContractModel,
  bound: ReadonlyMap<string, BoundScheme>,
  used: Set<string>,
): string | undefined {
  for (const scheme of model.securitySchemes) {
    const binding = bound.get(scheme.name);
    if (!binding || !used.has(binding.key)) continue;
    if (scheme.type === 'http' && scheme.scheme === 'basic') return 'Basic';
    if (scheme.type === 'http' || scheme.type === 'oauth2' || scheme.type === 'openIdConnect')
      return 'Bearer';
  }
  return undefined;
}

function label(op: OperationModel): string {
  return `${op.operationId} (${op.method.toUpperCase()} ${op.path})`;
}

function describe(op: OperationModel): string {
  return op.security.map((r) => Object.keys(r).join(' + ') || '{}').join(' or ');
}
