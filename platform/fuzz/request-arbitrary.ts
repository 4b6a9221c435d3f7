/**
 * Arbitraries for whole requests of an operation: parameters by location and a JSON body, each
 * filtered by the contract's own validators so only requests the contract accepts come out.
 * @module
 */
import fc from 'fast-check';
import { normaliseSchema } from '../codegen/model/json-schema.ts';
import type { RequestValues } from './encode-request.ts';
import type { FuzzTarget, OperationTarget } from './fuzz-target.ts';
import { arbitraryFor } from './schema-arbitrary.ts';

/** Characters the runtime splits style-encoded arrays and objects on. */
const DELIMITERS = /[,|. ;=&]/;

/** @example fc.sample(validRequestArbitrary(target, operation), 1) */
export function validRequestArbitrary(target: FuzzTarget, op: OperationTarget): fc.Arbitrary<RequestValues> {
  const openapi30 = target.model.openapiVersion.startsWith('3.0');
  const locations = { path: {}, query: {}, header: {}, cookie: {} } as Record<
    string,
    Record<string, fc.Arbitrary<unknown>>
  >;
  const required = { path: [], query: [], header: [], cookie: [] } as Record<string, string[]>;
  for (const parameter of op.operation.parameters) {
    const schema = normaliseSchema(parameter.schema, { openapi30 });
    let arbitrary = arbitraryFor(
      schema,
      target.document,
      0,
      parameter.in === 'header' || parameter.in === 'cookie',
    );
    if (parameter.shape !== 'primitive' && !parameter.json)
      arbitrary = arbitrary.filter((v) => !hasDelimiter(v));
    // An empty path segment is another path (`/hubs/` is not `/hubs/{id}`): no URL carries it.
    if (parameter.in === 'path') arbitrary = arbitrary.filter((v) => String(v) !== '');
    locations[parameter.in][parameter.name] = arbitrary;
    if (parameter.required) required[parameter.in].push(parameter.name);
  }
  const parameters = fc
    .record({
      path: fc.record(locations.path, { requiredKeys: required.path }),
      query: fc.record(locations.query, { requiredKeys: required.query }),
      header: fc.record(locations.header, { requiredKeys: required.header }),
      cookie: fc.record(locations.cookie, { requiredKeys: required.cookie }),
    })
    .filter((values) => op.validateParameters(structuredClone(values)));
  const body = op.validateBody
    ? arbitraryFor(op.bodySchema, target.document).filter((value) =>
        (op.validateBody as (v: unknown) => boolean)(value),
      )
    : fc.constant(undefined);
  const bodyRequired = op.operation.requestBody?.required ?? false;
  return fc
    .record({ parameters, body: bodyRequired ? body : fc.option(body, { nil: undefined }) })
    .map(({ parameters, body }) => ({
      ...(parameters as Omit<RequestValues, 'body'>),
      body,
    }));
}

function hasDelimiter(value: unknown): boolean {
  if (typeof value === 'string') return DELIMITERS.test(value) || value === '';
  if (Array.isArray(value)) return value.some(hasDelimiter);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => DELIMITERS.test(k) || hasDelimiter(v));
  return false;
}
