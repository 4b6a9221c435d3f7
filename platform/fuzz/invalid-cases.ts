/**
 * Requests that break exactly one constraint of the contract, derived from a valid request:
 * each must be refused with a 400 that names the field.
 * @module
 */
import { derefLocal } from '../codegen/model/json-pointer.ts';
import { normaliseSchema } from '../codegen/model/json-schema.ts';
import type { RequestValues } from './encode-request.ts';
import type { FuzzTarget, OperationTarget } from './fuzz-target.ts';

export interface InvalidCase {
  readonly name: string;
  readonly values: RequestValues;
  /** Where the 400 must point. */
  readonly expect: { readonly in: string; readonly name?: string; readonly pointer?: string };
}

type Schema = Record<string, unknown>;

/** @example invalidCases(target, op, validValues).map((c) => c.name) */
export function invalidCases(target: FuzzTarget, op: OperationTarget, valid: RequestValues): InvalidCase[] {
  const cases: InvalidCase[] = [];
  const openapi30 = target.model.openapiVersion.startsWith('3.0');
  for (const parameter of op.operation.parameters) {
    const location = parameter.in;
    const schema = resolve(target.document, normaliseSchema(parameter.schema, { openapi30 }));
    const put = (value: unknown, name: string) => {
      const values = structuredClone(valid);
      values[location][parameter.name] = value;
      cases.push({
        name: `${location} ${parameter.name}: ${name}`,
        values,
        expect: { in: location, name: parameter.name },
      });
    };
    if (parameter.required && location !== 'path') {
      const values = structuredClone(valid);
      delete values[location][parameter.name];
      cases.push({
        name: `${location} ${parameter.name}: missing`,
        values,
        expect: { in: location, name: parameter.name },
      });
    }
    for (const [name, value] of scalarViolations(schema)) put(value, name);
  }
  const body = op.validateBody ? resolve(target.document, op.bodySchema) : undefined;
  if (body && valid.body && typeof valid.body === 'object' && !Array.isArray(valid.body)) {
    const properties = (body.properties ?? {}) as Record<string, Schema>;
    for (const required of (body.required ?? []) as string[]) {
      const values = structuredClone(valid);
      delete (values.body as Record<string, unknown>)[required];
      cases.push({
        name: `body /${required}: missing`,
        values,
        expect: { in: 'body', pointer: `/${required}` },
      });
    }
    for (const [property, propertySchema] of Object.entries(properties)) {
      if (!(property in (valid.body as object))) continue;
      for (const [name, value] of scalarViolations(resolve(target.document, propertySchema))) {
        const values = structuredClone(valid);
        (values.body as Record<string, unknown>)[property] = value;
        cases.push({
          name: `body /${property}: ${name}`,
          values,
          expect: { in: 'body', pointer: `/${property}` },
        });
      }
    }
    if (body.additionalProperties === false) {
      const values = structuredClone(valid);
      (values.body as Record<string, unknown>).__unexpected__ = true;
      cases.push({
        name: 'body: unknown property',
        values,
        expect: { in: 'body', pointer: '/__unexpected__' },
      });
    }
  }
  return cases;
}

/** One wrong value per constraint a scalar schema states. */
function scalarViolations(schema: Schema | undefined): [string, unknown][] {
  if (!schema) return [];
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const out: [string, unknown][] = [];
  if (types.length === 1 && (types[0] === 'integer' || types[0] === 'number'))
    out.push(['not a number', 'not-a-number']);
  if (types.length === 1 && types[0] === 'boolean') out.push(['not a boolean', 'maybe']);
  if (typeof schema.maximum === 'number') out.push(['above maximum', schema.maximum + 1]);
  if (typeof schema.minimum === 'number') out.push(['below minimum', schema.minimum - 1]);
  if (typeof schema.maxLength === 'number' && schema.maxLength < 10_000)
    out.push(['too long', 'x'.repeat(schema.maxLength + 1)]);
  if (Array.isArray(schema.enum) && !schema.enum.includes('__not_in_enum__'))
    out.push(['not in enum', '__not_in_enum__']);
  if (schema.format === 'uuid') out.push(['not a uuid', 'not-a-uuid']);
  if (schema.format === 'date-time') out.push(['not a date-time', 'yesterday']);
  return out;
}

function resolve(document: unknown, schema: unknown): Schema | undefined {
  const resolved = derefLocal<Schema>(document, rewrite(schema));
  return resolved && typeof resolved === 'object' ? resolved : undefined;
}

/** Validation refs point into `contract#/...`; the document is that contract. */
function rewrite(schema: unknown): unknown {
  if (schema && typeof schema === 'object' && typeof (schema as Schema).$ref === 'string') {
    const ref = (schema as Schema).$ref as string;
    return { $ref: ref.startsWith('contract#') ? ref.slice('contract'.length) : ref };
  }
  return schema;
}
