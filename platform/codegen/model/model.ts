/**
 * The internal model (IR) every emitter reads. It is built once per contract from the bundled
 * document, so emitters never look at raw YAML and never disagree about what a contract means.
 * @module
 */
import type { JsonSchema } from './json-schema.ts';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
];

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/** The JSON shape a parameter decodes to, which decides how its raw string is split. */
export type ParameterShape = 'primitive' | 'array' | 'object';

export interface ParameterModel {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly style: string;
  readonly explode: boolean;
  readonly shape: ParameterShape;
  /** `content: application/json` parameters carry JSON instead of a style-encoded value. */
  readonly json: boolean;
  readonly schema: JsonSchema;
  /** JSON pointer of the parameter in the bundled contract. */
  readonly pointer: string;
}

export type MediaKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface MediaModel {
  readonly mediaType: string;
  readonly kind: MediaKind;
  readonly schema: JsonSchema | undefined;
  readonly pointer: string;
}

export interface RequestBodyModel {
  readonly required: boolean;
  readonly media: readonly MediaModel[];
}

export interface ResponseModel {
  /** `200`, `4XX` or `default`, as written in the contract. */
  readonly status: string;
  readonly media: readonly MediaModel[];
  readonly headers: readonly { readonly name: string; readonly required: boolean }[];
  readonly pointer: string;
}

export interface SecuritySchemeModel {
  readonly name: string;
  readonly type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** Lower-cased HTTP auth scheme (`bearer`, `basic`) for type `http`. */
  readonly scheme?: string;
  /** Where an apiKey travels. */
  readonly in?: 'header' | 'query' | 'cookie';
  readonly parameterName?: string;
}

/** Alternatives (any one suffices); each maps scheme name to the scopes it needs. */
export type SecurityRequirementModel = readonly Readonly<Record<string, readonly string[]>>[];

export interface OperationModel {
  /** The operationId as the contract spells it (or derived, see `derivedId`). */
  readonly operationId: string;
  /** A JavaScript identifier derived from operationId: used for type and file names. */
  readonly identifier: string;
  readonly derivedId: boolean;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary?: string;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  readonly parameters: readonly ParameterModel[];
  readonly requestBody: RequestBodyModel | undefined;
  readonly responses: readonly ResponseModel[];
  /** Empty array: explicitly public. */
  readonly security: SecurityRequirementModel;
  readonly pointer: string;
  /** `x-charter-function`, when the contract groups this operation into a named function. */
  readonly functionName?: string;
}

export interface ContractModel {
  readonly context: string;
  readonly sourceFile: string;
  readonly openapiVersion: string;
  readonly title: string;
  readonly version: string;
  readonly operations: readonly OperationModel[];
  readonly securitySchemes: readonly SecuritySchemeModel[];
  /** The bundled document as Redocly produced it, for openapi-typescript and docs. */
  readonly bundled: Record<string, unknown>;
  /** The bundled document with every schema normalised to JSON Schema 2020-12, for ajv. */
  readonly validationDocument: Record<string, unknown>;
}
