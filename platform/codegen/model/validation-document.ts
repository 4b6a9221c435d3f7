/**
 * Builds the copy of a bundled contract that ajv compiles: the same document, with every schema
 * in it normalised to JSON Schema 2020-12. Keeping the document's shape means every local
 * `$ref` (`#/components/schemas/...`, or a bundler's `#/paths/...`) still points at the same place.
 * @module
 */
import { type JsonSchema, normaliseSchema } from './json-schema.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** @example buildValidationDocument(bundled, '3.0.3').components */
export function buildValidationDocument(
  bundled: Record<string, unknown>,
  openapiVersion: string,
): Record<string, unknown> {
  const options = { openapi30: openapiVersion.startsWith('3.0') };
  const schema = (value: unknown): JsonSchema => normaliseSchema(value, options);
  const document = structuredClone(bundled);

  const components = asRecord(document.components);
  if (components) {
    forEachValue(components.schemas, (value, key, owner) => {
      owner[key] = schema(value);
    });
    forEachValue(components.parameters, (p) => normaliseHolder(p, schema));
    forEachValue(components.headers, (h) => normaliseHolder(h, schema));
    forEachValue(components.requestBodies, (b) => normaliseContent(b, schema));
    forEachValue(components.responses, (r) => normaliseResponse(r, schema));
    forEachValue(components.pathItems, (item) => normalisePathItem(item, schema));
  }
  forEachValue(document.paths, (item) => normalisePathItem(item, schema));
  forEachValue(document.webhooks, (item) => normalisePathItem(item, schema));
  return document;
}

function normalisePathItem(item: unknown, schema: (v: unknown) => JsonSchema): void {
  const pathItem = asRecord(item);
  if (!pathItem) return;
  forEachValue(pathItem.parameters, (p) => normaliseHolder(p, schema));
  for (const method of METHODS) {
    const operation = asRecord(pathItem[method]);
    if (!operation) continue;
    forEachValue(operation.parameters, (p) => normaliseHolder(p, schema));
    normaliseContent(operation.requestBody, schema);
    forEachValue(operation.responses, (r) => normaliseResponse(r, schema));
  }
}

function normaliseResponse(response: unknown, schema: (v: unknown) => JsonSchema): void {
  const record = asRecord(response);
  if (!record) return;
  normaliseContent(record, schema);
  forEachValue(record.headers, (h) => normaliseHolder(h, schema));
}

/** A parameter or header: a `schema`, or `content` with one media type. */
function normaliseHolder(holder: unknown, schema: (v: unknown) => JsonSchema): void {
  const record = asRecord(holder);
  if (!record) return;
  if (record.schema !== undefined) record.schema = schema(record.schema);
  normaliseContent(record, schema);
}

function normaliseContent(holder: unknown, schema: (v: unknown) => JsonSchema): void {
  const content = asRecord(asRecord(holder)?.content);
  if (!content) return;
  forEachValue(content, (media) => {
    const record = asRecord(media);
    if (record && record.schema !== undefined) record.schema = schema(record.schema);
  });
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function forEachValue(
  container: unknown,
  fn: (value: unknown, key: string, owner: Record<string, unknown>) => void,
): void {
  const record = asRecord(container);
  if (!record) return;
  for (const key of Object.keys(record)) fn(record[key], key, record);
}
