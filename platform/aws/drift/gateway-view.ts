/**
 * What API Gateway knows of an API, as a small OpenAPI 3.0 document: per operation its
 * operationId, the parameters the gateway sees (path parameters and required ones, by name),
 * the JSON body model it validates, its response statuses and what kind of credentials it asks
 * for (an authorizer, an API key, IAM). Both sides of `charter drift` are reduced to this view —
 * the contract through the same request-validation split infra deploys it with, the stage from
 * its export — so the diff engine sees real drift, not the detail the gateway never holds
 * (response bodies, optional parameters, formats the function checks, docs).
 * @module
 */
import { gatewayValidation } from '../../../infra/lib/definition/request-validation.ts';
import { type ContractModel, HTTP_METHODS, type OperationModel } from '../../codegen/model/model.ts';

type Json = Record<string, unknown>;

/** Who checks the caller at the gateway; scopes are the function's business (and Cognito's). */
export type CredentialKind = 'authorizer' | 'api_key' | 'iam';

const SCHEMES: Readonly<Record<CredentialKind, Json>> = {
  authorizer: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'an API Gateway authorizer',
  },
  api_key: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'an API Gateway API key' },
  iam: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'AWS IAM (SigV4)' },
};

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The gateway view of a contract, as infra would deploy it.
 * @param authorizerSchemes security schemes checked by an authorizer even though they are API
 *   keys (bound in `deploy.auth` or named with `x-charter-authorizer`)
 * @example const view = contractGatewayView(model, new Set(['bearerAuth']));
 */
export function contractGatewayView(model: ContractModel, authorizerSchemes: ReadonlySet<string>): Json {
  const paths: Record<string, Json> = {};
  const kinds = new Map(
    model.securitySchemes.map((s) => [
      s.name,
      (s.type === 'apiKey' && !authorizerSchemes.has(s.name) ? 'api_key' : 'authorizer') as CredentialKind,
    ]),
  );
  for (const op of model.operations) {
    const checks = gatewayValidation(model, op);
    const seen = [...op.parameters.filter((p) => p.in === 'path'), ...checks.requiredParameters];
    const operation: Json = {
      operationId: op.operationId,
      parameters: normalParameters(seen.map((p) => ({ name: p.name, in: p.in }))),
      responses: normalResponses(op.responses.map((r) => r.status)),
      security: normalSecurity(contractRequirement(op, kinds)),
    };
    if (checks.bodyModel) operation.requestBody = body(checks.bodyModel.mediaType, checks.bodyModel.schema);
    paths[op.path] ??= {};
    paths[op.path][op.method] = operation;
  }
  return view(model.title, model.version, paths, {});
}

/**
 * The gateway view of a stage's export (GetExport, oas30, `extensions=apigateway`).
 * @example const view = deployedGatewayView(JSON.parse(exportBody));
 */
export function deployedGatewayView(exported: Json): Json {
  const components = isObject(exported.components) ? exported.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const paths: Record<string, Json> = {};
  const exportedPaths = isObject(exported.paths) ? exported.paths : {};
  for (const [path, rawItem] of Object.entries(exportedPaths)) {
    const item = deref(exported, rawItem);
    if (path.startsWith('x-') || !isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = deref(exported, item[method]);
      if (!isObject(op) || isCorsPreflight(method, op)) continue;
      const declared = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(op.parameters) ? op.parameters : []),
      ]
        .map((p) => deref(exported, p))
        .filter(isObject)
        .filter((p) => p.in === 'path' || p.required === true)
        .map((p) => ({ name: String(p.name), in: String(p.in) }));
      const operation: Json = {
        ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
        parameters: normalParameters(declared),
        responses: normalResponses(isObject(op.responses) ? Object.keys(op.responses) : []),
        security: normalSecurity(deployedRequirement(op.security ?? exported.security, schemes, exported)),
      };
      const requestBody = deref(exported, op.requestBody);
      if (isObject(requestBody) && isObject(requestBody.content)) {
        const [mediaType, media] = Object.entries(requestBody.content)[0] ?? [];
        if (mediaType && isObject(media) && media.schema !== undefined)
          operation.requestBody = body(mediaType, media.schema);
      }
      paths[path] ??= {};
      paths[path][method] = operation;
    }
  }
  const info = isObject(exported.info) ? exported.info : {};
  return view(
    String(info.title ?? ''),
    String(info.version ?? ''),
    paths,
    isObject(components.schemas) ? components.schemas : {},
  );
}

function view(title: string, version: string, paths: Json, schemas: Json): Json {
  return {
    openapi: '3.0.1',
    info: { title, version },
    paths,
    components: { schemas, securitySchemes: SCHEMES },
  };
}

/** API Gateway only holds a parameter's name and whether it is required; its value is the function's. */
function normalParameters(parameters: readonly { name: string; in: string }[]): Json[] {
  const unique = new Map(
    parameters.map((p) => [`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p]),
  );
  return [...unique.values()]
    .sort((a, b) => a.in.localeCompare(b.in) || a.name.localeCompare(b.name))
    .map((p) => ({ name: p.name, in: p.in, required: true, schema: { type: 'string' } }));
}

/** Proxy integrations pass the function's response through: statuses are all the gateway keeps. */
function normalResponses(statuses: readonly string[]): Json {
  const numeric = statuses.filter((s) => /^[1-5][0-9]{2}$/.test(s)).sort();
  return Object.fromEntries((numeric.length > 0 ? numeric : ['200']).map((s) => [s, { description: s }]));
}

function normalSecurity(kinds: ReadonlySet<CredentialKind>): Json[] {
  return kinds.size === 0 ? [] : [Object.fromEntries([...kinds].sort().map((k) => [k, []]))];
}

function body(mediaType: string, schema: unknown): Json {
  // The gateway validates a body only when one is required (infra adds models for those alone).
  return { required: true, content: { [mediaType]: { schema } } };
}

/** The first alternative decides: API Gateway runs one authorizer per operation. */
function contractRequirement(
  op: OperationModel,
  kinds: ReadonlyMap<string, CredentialKind>,
): Set<CredentialKind> {
  const alternative = op.security.find((requirement) => Object.keys(requirement).length > 0);
  if (!alternative || op.security.some((requirement) => Object.keys(requirement).length === 0))
    return new Set();
  return new Set(Object.keys(alternative).map((name) => kinds.get(name) ?? 'authorizer'));
}

function deployedRequirement(security: unknown, schemes: Json, document: Json): Set<CredentialKind> {
  if (!Array.isArray(security)) return new Set();
  const alternative = security.find((r) => isObject(r) && Object.keys(r).length > 0) as Json | undefined;
  if (!alternative) return new Set();
  return new Set(Object.keys(alternative).map((name) => deployedKind(deref(document, schemes[name]))));
}

function deployedKind(scheme: unknown): CredentialKind {
  if (!isObject(scheme)) return 'authorizer';
  const authType = String(scheme['x-amazon-apigateway-authtype'] ?? '').toLowerCase();
  if (authType === 'awssigv4') return 'iam';
  if (scheme['x-amazon-apigateway-authorizer'] !== undefined || authType !== '') return 'authorizer';
  return scheme.type === 'apiKey' ? 'api_key' : 'authorizer';
}

/** A mock OPTIONS method is API Gateway's CORS answer, not an operation of the contract. */
function isCorsPreflight(method: string, op: Json): boolean {
  const integration = op['x-amazon-apigateway-integration'];
  return method === 'options' && isObject(integration) && String(integration.type).toLowerCase() === 'mock';
}

/** Follows local `$ref`s of the export (`#/components/...`). */
function deref(document: Json, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 16 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let node: unknown = document;
    for (const raw of ref.slice(2).split('/')) {
      const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      node = isObject(node) ? node[segment] : undefined;
    }
    current = node;
  }
  return current;
}
