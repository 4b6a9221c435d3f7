/**
 * Example arguments for an operation, for the SDK's README and JSDoc: the contract's own
 * examples where it has them, otherwise a small value built from the schema (required fields
 * only), so every example is a call that compiles.
 * @module
 */
import { derefLocal, segmentsOf } from '../../model/json-pointer.ts';
import type { ContractModel, OperationModel, ParameterLocation } from '../../model/model.ts';

type Json = Record<string, unknown>;

const MAX_DEPTH = 6;

/**
 * The `init` argument of an example call: required parameters and the request body.
 * `undefined` when the operation needs neither.
 * @example exampleInit(model, getProduct) // { params: { path: { productId: '3f6c...' } } }
 */
export function exampleInit(model: ContractModel, op: OperationModel): Json | undefined {
  const doc = model.bundled;
  const params: Partial<Record<ParameterLocation, Json>> = {};
  for (const parameter of op.parameters) {
    if (!parameter.required || parameter.in === 'cookie') continue;
    const raw = atPointer(doc, parameter.pointer) ?? {};
    params[parameter.in] ??= {};
    (params[parameter.in] as Json)[parameter.name] = exampleOf(doc, raw) ?? schemaExample(doc, raw.schema, 0);
  }
  const init: Json = {};
  if (Object.keys(params).length > 0) init.params = params;
  const media = op.requestBody?.media.find((m) => m.kind === 'json') ?? op.requestBody?.media[0];
  if (op.requestBody?.required && media) {
    const raw = atPointer(doc, media.pointer) ?? {};
    init.body = exampleOf(doc, raw) ?? schemaExample(doc, media.schema, 0);
  }
  return Object.keys(init).length > 0 ? init : undefined;
}

/** `example`, or the first of `examples`, of a parameter or media type object. */
function exampleOf(doc: unknown, raw: Json): unknown {
  if (raw.example !== undefined) return raw.example;
  const examples = raw.examples as Json | undefined;
  if (!examples || typeof examples !== 'object') return undefined;
  const first = Object.values(examples)[0];
  return derefLocal<Json>(doc, first)?.value;
}

/**
 * A value the schema accepts, shaped like its type: `example`, `default`, `const` or the first
 * `enum` value when there is one, else a placeholder per type and format.
 * @example schemaExample(doc, { type: 'string', format: 'uuid' }, 0) // '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13'
 */
export function schemaExample(doc: unknown, value: unknown, depth: number): unknown {
  const schema = derefLocal<Json>(doc, value);
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return null;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => schemaExample(doc, part, depth + 1));
    if (parts.every((p) => p !== null && typeof p === 'object' && !Array.isArray(p)))
      return Object.assign({}, ...parts, objectExample(doc, schema, depth));
    return parts[0];
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const branch = branches.find((b) => derefLocal<Json>(doc, b)?.type !== 'null') ?? branches[0];
    return schemaExample(doc, branch, depth + 1);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object':
      return objectExample(doc, schema, depth);
    case 'array': {
      const item = schemaExample(doc, schema.items, depth + 1);
      return item === null ? [] : [item];
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      return stringExample(schema);
    default:
      return null;
  }
}

function objectExample(doc: unknown, schema: Json, depth: number): Json {
  const properties = (schema.properties ?? {}) as Json;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const out: Json = {};
  for (const name of required) {
    if (name in properties) out[name] = schemaExample(doc, properties[name], depth + 1);
  }
  return out;
}

const STRINGS_BY_FORMAT: Record<string, string> = {
  uuid: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13',
  'date-time': '2025-01-31T12:00:00Z',
  date: '2025-01-31',
  email: 'someone@example.com',
  uri: 'https://example.com',
  'uri-reference': '/example',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
};

function stringExample(schema: Json): string {
  const byFormat = STRINGS_BY_FORMAT[String(schema.format)];
  if (byFormat) return byFormat;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return 'string'.padEnd(minLength, 'x');
}

/** Resolves a pointer into the bundled document, following `$ref`s met on the way. */
function atPointer(doc: unknown, pointer: string): Json | undefined {
  let node: unknown = doc;
  for (const segment of segmentsOf(pointer)) {
    node = derefLocal(doc, node);
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[segment];
  }
  return derefLocal<Json>(doc, node);
}
