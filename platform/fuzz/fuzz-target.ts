/**
 * What the fuzzer knows about one context: its operations from the contract model and, compiled
 * from the same schemas codegen uses, validators for generated input and for responses.
 * @module
 */
import { createAjv } from '../codegen/emit/validators/ajv-instance.ts';
import { placeValidationSchemas } from '../codegen/emit/validators/validation-schemas.ts';
import type { ContractModel, OperationModel } from '../codegen/model/model.ts';
import type { ValidateFunction } from '../runtime/index.ts';

export interface OperationTarget {
  readonly operation: OperationModel;
  /** Accepts `{ path, query, header, cookie }` as the server sees them after decoding. */
  readonly validateParameters: ValidateFunction;
  /** The JSON body validator, when the operation takes a JSON body. */
  readonly validateBody?: ValidateFunction;
  readonly bodySchema?: unknown;
  readonly bodyMediaType?: string;
  /** By status (as written in the contract), then media type. */
  readonly responses: Readonly<Record<string, Readonly<Record<string, ValidateFunction>>>>;
}

export interface FuzzTarget {
  readonly model: ContractModel;
  /** The validation document: schemas as ajv sees them, for resolving `$ref`s. */
  readonly document: Record<string, unknown>;
  readonly operations: readonly OperationTarget[];
}

/** @example const target = buildFuzzTarget(model); */
export function buildFuzzTarget(model: ContractModel): FuzzTarget {
  const { document, refs } = placeValidationSchemas(model);
  const formats = new Set<string>();
  JSON.stringify(document, (key, value) => {
    if (key === 'format' && typeof value === 'string') formats.add(value);
    return value;
  });
  const coercing = createAjv({ coerce: true, document, formats });
  const strict = createAjv({ coerce: false, document, formats, inlineRefs: false });
  const operations = model.operations.map((operation) => {
    const operationRefs = refs.get(operation.identifier);
    const jsonIndex = operation.requestBody?.media.findIndex((m) => m.kind === 'json') ?? -1;
    const bodyRef = jsonIndex >= 0 ? operationRefs?.body[jsonIndex] : undefined;
    const responses: Record<string, Record<string, ValidateFunction>> = {};
    for (const [status, byMedia] of Object.entries(operationRefs?.responses ?? {})) {
      for (const [mediaType, ref] of Object.entries(byMedia)) {
        (responses[status] ??= {})[mediaType] = strict.getSchema(ref) as ValidateFunction;
      }
    }
    return {
      operation,
      validateParameters: coercing.getSchema(operationRefs?.parameters as string) as ValidateFunction,
      validateBody: bodyRef ? (strict.getSchema(bodyRef) as ValidateFunction) : undefined,
      bodySchema: bodyRef ? { $ref: bodyRef } : undefined,
      bodyMediaType: jsonIndex >= 0 ? operation.requestBody?.media[jsonIndex].mediaType : undefined,
      responses,
    };
  });
  return { model, document, operations };
}
