/**
 * The API Gateway definition (OpenAPI 3.0.1 with `x-amazon-apigateway-*` extensions) of one
 * context, built from the contract model alone: every operation integrated (aws_proxy) with its
 * function's `live` alias, request validators and draft-4 models for what the gateway can check,
 * authorizers from the security schemes, problem+json gateway responses, and per operation an
 * `x-charter-validation` that says what only the function checks. Pure: ARNs arrive as strings
 * (CDK tokens in a stack), so it is tested without synthesizing anything.
 * @module
 */
import type { ContractModel, OperationModel } from '../../../platform/codegen/model/model.ts';
import { pascalCase } from '../../../platform/codegen/model/names.ts';
import { gatewayResponses } from './gateway-responses.ts';
import { type GatewayValidation, gatewayValidation } from './request-validation.ts';
import { type BoundScheme, gatewaySecurity } from './security.ts';
import { vpcLinkIntegration } from './vpc-link-integration.ts';

type Json = Record<string, unknown>;

/**
 * Where an operation's requests go: a Lambda alias (aws_proxy), or a context's container service
 * behind a Network Load Balancer reached through a VPC link (http_proxy). The rest of the
 * definition (validators, authorizers, gateway responses) is the same for both.
 */
export type IntegrationTarget = LambdaIntegrationTarget | VpcLinkIntegrationTarget;

export interface LambdaIntegrationTarget {
  /** @default 'lambda' */
  readonly kind?: 'lambda';
  /** `arn:...:apigateway:<region>:lambda:path/2015-03-31/functions/<alias arn>/invocations` */
  readonly uri: string;
  /** Role API Gateway assumes to invoke the alias (no resource-policy statement per operation). */
  readonly credentialsArn: string;
}

export interface VpcLinkIntegrationTarget {
  readonly kind: 'vpc-link';
  /** The VPC link's id. */
  readonly connectionId: string;
  /** `http://<load balancer DNS name>[:port]`; the operation's path is appended. */
  readonly baseUrl: string;
}

export interface DefinitionInput {
  readonly model: ContractModel;
  /** Per operationId. */
  readonly integrations: ReadonlyMap<string, IntegrationTarget>;
  /** Per security scheme name. */
  readonly bound: ReadonlyMap<string, BoundScheme>;
}

export interface GatewayDefinition {
  readonly document: Json;
  readonly validation: ReadonlyMap<string, GatewayValidation>;
  readonly usesApiKeys: boolean;
  readonly problems: readonly string[];
}

const SUPPORTED_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
/** Characters API Gateway accepts in a literal path segment. */
const SEGMENT = /^[A-Za-z0-9._~:,@=+-]+$/;

/** @example buildGatewayDefinition({ model, integrations, bound }).document.paths */
export function buildGatewayDefinition(input: DefinitionInput): GatewayDefinition {
  const { model } = input;
  const problems: string[] = [];
  const security = gatewaySecurity(model, input.bound);
  problems.push(...security.problems);
  const paths: Record<string, Json> = {};
  const schemas: Json = {};
  const validation = new Map<string, GatewayValidation>();
  for (const op of model.operations) {
    problems.push(...routeProblems(model, op));
    const target = input.integrations.get(op.operationId);
    if (!target) {
      problems.push(`${model.sourceFile}#${op.pointer}: ${op.operationId} has no function to integrate with`);
      continue;
    }
    const checks = gatewayValidation(model, op);
    validation.set(op.operationId, checks);
    let requestBody: Json | undefined;
    if (checks.bodyModel) {
      const name = `${pascalCase(op.identifier).replace(/[^A-Za-z0-9]/g, '')}Body`;
      schemas[name] = checks.bodyModel.schema;
      requestBody = {
        required: true,
        content: { [checks.bodyModel.mediaType]: { schema: { $ref: `#/components/schemas/${name}` } } },
      };
    }
    const operationSecurity = security.operations.get(op.operationId);
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      operationId: op.operationId,
      ...(op.summary ? { summary: op.summary } : {}),
      parameters: [...op.parameters.filter((p) => p.in === 'path'), ...checks.requiredParameters].map(
        (p) => ({ name: p.name, in: p.in, required: true, schema: { type: 'string' } }),
      ),
      ...(requestBody ? { requestBody } : {}),
      responses: responsesOf(op),
      ...(operationSecurity ? { security: operationSecurity } : {}),
      ...(checks.validator ? { 'x-amazon-apigateway-request-validator': checks.validator } : {}),
      'x-amazon-apigateway-integration':
        target.kind === 'vpc-link'
          ? vpcLinkIntegration(target, op, operationSecurity, input.bound)
          : integrationOf(target),
      'x-charter-validation': { gateway: checks.gateway, lambdaOnly: checks.lambdaOnly },
    };
  }
  const binary = binaryMediaTypes(model);
  const document: Json = {
    openapi: '3.0.1',
    info: { title: `${model.title} (${model.context})`, version: model.version },
    'x-charter': {
      context: model.context,
      contract: model.sourceFile,
      validation:
        'The function validates every request against the contract. The gateway checks the subset each operation lists in x-charter-validation.gateway; x-charter-validation.lambdaOnly lists the rest.',
    },
    paths,
    components: { schemas, securitySchemes: security.securitySchemes },
    'x-amazon-apigateway-request-validators': {
      all: { validateRequestBody: true, validateRequestParameters: true },
      params: { validateRequestBody: false, validateRequestParameters: true },
      body: { validateRequestBody: true, validateRequestParameters: false },
    },
    'x-amazon-apigateway-gateway-responses': gatewayResponses(security.challenge),
    ...(security.usesApiKeys ? { 'x-amazon-apigateway-api-key-source': 'HEADER' } : {}),
    ...(binary.length > 0 ? { 'x-amazon-apigateway-binary-media-types': binary } : {}),
  };
  return { document, validation, usesApiKeys: security.usesApiKeys, problems };
}

/** The `x-amazon-apigateway-integration` of one target. */
function integrationOf(target: LambdaIntegrationTarget): Json {
  return {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: target.uri,
    credentials: target.credentialsArn,
    passthroughBehavior: 'when_no_match',
  };
}

/**
 * Routes API Gateway cannot represent, with the change that makes them representable.
 * @example routeProblems(model, op) // ['...path segment "{name}.json" mixes a parameter with text...']
 */
export function routeProblems(model: ContractModel, op: OperationModel): string[] {
  const where = `${model.sourceFile}#${op.pointer}`;
  const problems: string[] = [];
  if (!SUPPORTED_METHODS.has(op.method))
    problems.push(
      `${where}: API Gateway REST APIs have no ${op.method.toUpperCase()} method; remove the operation`,
    );
  for (const segment of op.path.split('/').filter(Boolean)) {
    if (/^\{[^{}]+\}$/.test(segment)) continue;
    if (segment.includes('{'))
      problems.push(
        `${where}: path segment "${segment}" mixes a parameter with text; API Gateway needs parameters to be whole segments (e.g. /files/{name} instead of /files/{name}.json)`,
      );
    else if (!SEGMENT.test(segment))
      problems.push(
        `${where}: path segment "${segment}" has characters API Gateway does not accept; use letters, digits and . _ ~ - : , @ = +`,
      );
  }
  return problems;
}

function responsesOf(op: OperationModel): Json {
  const statuses = op.responses.map((r) => r.status).filter((s) => /^[1-5][0-9]{2}$/.test(s));
  const description = 'Answered by the function; the contract describes the body.';
  return Object.fromEntries((statuses.length > 0 ? statuses : ['200']).map((s) => [s, { description }]));
}

/** Media types Lambda proxy integrations must pass as base64, requests and responses alike. */
function binaryMediaTypes(model: ContractModel): string[] {
  const types = new Set<string>();
  for (const op of model.operations) {
    const media = [...(op.requestBody?.media ?? []), ...op.responses.flatMap((r) => r.media)];
    for (const m of media) if (m.kind === 'binary' || m.kind === 'multipart') types.add(m.mediaType);
  }
  return [...types].sort();
}
