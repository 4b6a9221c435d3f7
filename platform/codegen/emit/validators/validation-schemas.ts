/**
 * The schemas each operation validates against, placed inside the contract document (under
 * `x-charter-validation`) so their `#/components/...` references resolve exactly as written.
 * @module
 */
import type { JsonSchema } from '../../model/json-schema.ts';
import { normaliseSchema } from '../../model/json-schema.ts';
import type { ContractModel, MediaModel, OperationModel, ParameterLocation } from '../../model/model.ts';
import { CONTRACT_ID } from './ajv-instance.ts';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
const ROOT = 'x-charter-validation';

/** Media types whose bodies we can check against a schema. */
export function isValidatedMedia(media: MediaModel): boolean {
  return (
    media.schema !== undefined && (media.kind === 'json' || media.kind === 'form' || media.kind === 'text')
  );
}

export interface ValidationRefs {
  readonly parameters: string;
  /** By index into `requestBody.media`; undefined where the media type is not validated. */
  readonly body: readonly (string | undefined)[];
  /** By status, then media type. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Returns the document to register with ajv and, per operation identifier, the ids to compile.
 * @example const { document, refs } = placeValidationSchemas(model);
 */
export function placeValidationSchemas(model: ContractModel): {
  document: Record<string, unknown>;
  refs: ReadonlyMap<string, ValidationRefs>;
} {
  const openapi30 = model.openapiVersion.startsWith('3.0');
  const normalise = (schema: unknown): JsonSchema => normaliseSchema(schema, { openapi30 });
  const operations: Record<string, unknown> = {};
  const refs = new Map<string, ValidationRefs>();
  for (const operation of model.operations) {
    const base = `${CONTRACT_ID}#/${ROOT}/${operation.identifier}`;
    const media = operation.requestBody?.media ?? [];
    const responses: Record<string, Record<string, JsonSchema>> = {};
    const responseRefs: Record<string, Record<string, string>> = {};
    for (const response of operation.responses) {
      response.media.forEach((m, index) => {
        if (!isValidatedMedia(m)) return;
        (responses[response.status] ??= {})[index] = normalise(m.schema);
        (responseRefs[response.status] ??= {})[m.mediaType] = `${base}/responses/${response.status}/${index}`;
      });
    }
    operations[operation.identifier] = {
      parameters: parametersSchema(operation, normalise),
      body: media.map((m) => (isValidatedMedia(m) ? normalise(m.schema) : true)),
      responses,
    };
    refs.set(operation.identifier, {
      parameters: `${base}/parameters`,
      body: media.map((m, index) => (isValidatedMedia(m) ? `${base}/body/${index}` : undefined)),
      responses: responseRefs,
    });
  }
  return { document: { ...model.validationDocument, [ROOT]: operations }, refs };
}

/** One object schema for all parameters: `{ path, query, header, cookie }`, each by declared name. */
function parametersSchema(operation: OperationModel, normalise: (s: unknown) => JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const location of LOCATIONS) {
    const declared = operation.parameters.filter((p) => p.in === location);
    const required = declared.filter((p) => p.required).map((p) => p.name);
    properties[location] = {
      type: 'object',
      properties: Object.fromEntries(declared.map((p) => [p.name, normalise(p.schema)])),
      ...(required.length > 0 ? { required } : {}),
    };
  }
  return { type: 'object', properties };
}
