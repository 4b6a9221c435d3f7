/**
 * `src/client.gen.ts` (the context's `createClient`, its credentials type and how each
 * security scheme travels) and `src/index.gen.ts` (the package's one entry point).
 * @module
 */
import type { ContractModel, SecuritySchemeModel } from '../../model/model.ts';
import { contextTypeName, operationNames } from './sdk-names.ts';
import { tsLiteral } from './ts-literal.ts';

/** @example const source = clientSource(model); */
export function clientSource(model: ContractModel): string {
  const type = contextTypeName(model.context);
  const schemes = model.securitySchemes.filter((s) => travel(s) !== undefined);
  const auth =
    schemes.length === 0
      ? `/** ${model.title} declares no security scheme: there is nothing to configure. */
export type ${type}Auth = Record<string, never>;`
      : `/** Credentials for ${model.title}, one per security scheme of its contract. */
export interface ${type}Auth {
${schemes.map((s) => `${schemeDoc(model, s)}\n  readonly ${propertyKey(s.name)}?: Credential;`).join('\n')}
}`;
  const table = schemes.map((s) => `${propertyKey(s.name)}: ${tsLiteral(travel(s))}`).join(', ');
  return `import type { Client } from 'openapi-fetch';
import { createClientWith } from './runtime/create-client.gen.js';
import type { ClientOptions, Credential } from './runtime/types.gen.js';
import type { paths } from './types.gen.js';

${auth}

/** An openapi-fetch client for ${model.title}: pass it to the operation functions, or call \`GET\`, \`POST\`, ... on it. */
export type ${type}Client = Client<paths>;

/**
 * Creates a client for ${model.title} ${model.version}.
 * @example
 * const client = createClient({ baseUrl: ${tsLiteral(exampleBaseUrl(model))}${schemes.length > 0 ? `, auth: { ${propertyKey(schemes[0].name)}: ${credentialExample(schemes[0])} }` : ''} });
 */
export function createClient(options: ClientOptions<${type}Auth>): ${type}Client {
  return createClientWith<paths, ${type}Auth>(options, { ${table} });
}
`;
}

/** @example const source = indexSource(model); */
export function indexSource(model: ContractModel): string {
  const type = contextTypeName(model.context);
  const operations = [...model.operations].sort((a, b) => a.operationId.localeCompare(b.operationId));
  const names = operations.map(operationNames);
  return `/**
 * Client SDK for ${model.title} ${model.version}: \`createClient\`, one function per operation,
 * and the contract's types.
 * @module
 */
export { createClient, type ${type}Auth, type ${type}Client } from './client.gen.js';
export {
${names.map((n) => `  ${n.fn},\n  type ${n.error},\n  type ${n.operation},`).join('\n')}
} from './operations.gen.js';
export type {
  CallOptions,
  ClientErrorStatus,
  ClientOptions,
  Credential,
  ErrorStatus,
  InitArgs,
  InitOf,
  Outcome,
  ProblemOf,
  Retries,
  RetryOptions,
  ServerErrorStatus,
  UndeclaredProblem,
} from './runtime/types.gen.js';
export type { components, operations, paths } from './types.gen.js';

import type { components } from './types.gen.js';

/** A schema of the contract by name, e.g. \`Schema<'Product'>\`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
`;
}

/**
 * How a scheme's credential travels at run time; undefined for mutual TLS, which needs none here.
 * @example travel({ name: 'apiKey', type: 'apiKey', in: 'header', parameterName: 'X-Api-Key' }) // ['header', 'X-Api-Key']
 */
export function travel(scheme: SecuritySchemeModel): readonly string[] | undefined {
  if (scheme.type === 'apiKey')
    return scheme.in && scheme.parameterName ? [scheme.in, scheme.parameterName] : undefined;
  if (scheme.type === 'http')
    return scheme.scheme === 'basic' ? ['basic'] : scheme.scheme === 'bearer' ? ['bearer'] : undefined;
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return ['bearer'];
  return undefined;
}

function schemeDoc(model: ContractModel, scheme: SecuritySchemeModel): string {
  const raw = ((model.bundled.components as Record<string, unknown> | undefined)?.securitySchemes ??
    {}) as Record<string, { description?: unknown }>;
  const description =
    typeof raw[scheme.name]?.description === 'string'
      ? ` ${String(raw[scheme.name].description).trim()}`
      : '';
  const how = travelText(scheme);
  return `  /**\n   * \`${scheme.name}\`: ${how}.${description.replaceAll('*/', '*\\/').replaceAll('\n', '\n   * ')}\n   */`;
}

/** @example travelText(bearer) // 'sent as `Authorization: Bearer <token>`' */
export function travelText(scheme: SecuritySchemeModel): string {
  const [where, name] = travel(scheme) ?? [];
  if (where === 'bearer') return 'a token, sent as `Authorization: Bearer <token>`';
  if (where === 'basic') return '`user:password`, sent as `Authorization: Basic <base64>`';
  if (where === 'header') return `an API key, sent in the \`${name}\` header`;
  if (where === 'query') return `an API key, sent as the \`${name}\` query parameter`;
  return `an API key, sent as the \`${name}\` cookie`;
}

/** A credential as README and JSDoc examples write it. @example credentialExample(apiKeyScheme) // 'process.env.API_KEY' */
export function credentialExample(scheme: SecuritySchemeModel): string {
  return travel(scheme)?.[0] === 'bearer'
    ? 'async () => getAccessToken()'
    : `process.env.${envName(scheme.name)}`;
}

function envName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/** The contract's first server URL, or a placeholder. @example exampleBaseUrl(model) // 'http://localhost:3000/catalog' */
export function exampleBaseUrl(model: ContractModel): string {
  const servers = model.bundled.servers as { url?: unknown }[] | undefined;
  const url = servers?.[0]?.url;
  return typeof url === 'string' && /^https?:\/\//.test(url)
    ? url
    : `https://api.example.com/${model.context}`;
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
