/**
 * fast-check arbitraries from JSON Schema 2020-12 (the normalised schemas codegen compiles), so
 * `charter fuzz` can generate values a contract accepts. Generation aims at valid values; the
 * caller filters with the contract's own validator, which has the last word.
 * @module
 */
import fc from 'fast-check';
import { resolvePointer } from '../codegen/model/json-pointer.ts';

type Schema = Record<string, unknown> | boolean;
type Arb = fc.Arbitrary<unknown>;

const MAX_DEPTH = 5;
const MAX_ITEMS = 4;

/** @example const arbitrary = arbitraryFor({ type: 'integer', minimum: 1 }, document); */
export function arbitraryFor(schema: unknown, document: unknown, depth = 0, printable = false): Arb {
  if (schema === true || schema === undefined) return fc.string({ maxLength: 8 });
  if (schema === false || schema === null || typeof schema !== 'object') return fc.constant(null);
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const target = s.$ref.startsWith('contract#') ? s.$ref.slice('contract'.length) : s.$ref;
    const resolved = resolvePointer(document, target) as Schema | undefined;
    const rest = { ...s };
    delete rest.$ref;
    const merged = Object.keys(rest).length > 0 ? mergeAll([resolved ?? true, rest], document) : resolved;
    return depth > MAX_DEPTH
      ? minimalFor(merged, document)
      : arbitraryFor(merged, document, depth + 1, printable);
  }
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return s.enum.length > 0 ? fc.constantFrom(...s.enum) : fc.constant(null);
  if (Array.isArray(s.allOf)) {
    const { allOf, ...rest } = s;
    return arbitraryFor(mergeAll([...(allOf as Schema[]), rest], document), document, depth + 1, printable);
  }
  const branches = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const { oneOf: _o, anyOf: _a, ...rest } = s;
    const choices = branches.map((b) =>
      arbitraryFor(
        Object.keys(rest).length > 0 ? mergeAll([b, rest], document) : b,
        document,
        depth + 1,
        printable,
      ),
    );
    return fc.oneof(...choices);
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [s.type as string] : inferTypes(s);
  const arbs = types.map((type) => arbitraryOfType(type, s, document, depth, printable));
  return arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
}

function inferTypes(s: Record<string, unknown>): string[] {
  if (s.properties || s.required || s.additionalProperties !== undefined) return ['object'];
  if (s.items || s.prefixItems) return ['array'];
  if (s.minLength !== undefined || s.maxLength !== undefined || s.pattern || s.format) return ['string'];
  if (s.minimum !== undefined || s.maximum !== undefined) return ['number'];
  return ['string'];
}

function arbitraryOfType(
  type: string,
  s: Record<string, unknown>,
  document: unknown,
  depth: number,
  printable: boolean,
): Arb {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArbitrary(s);
    case 'number':
      return fc.oneof(integerArbitrary(s), numberArbitrary(s));
    case 'array': {
      const items = arbitraryFor(s.items ?? true, document, depth + 1, printable);
      const minLength = (s.minItems as number | undefined) ?? 0;
      const maxLength = Math.max(
        minLength,
        Math.min((s.maxItems as number | undefined) ?? MAX_ITEMS, MAX_ITEMS),
      );
      if (depth > MAX_DEPTH) return fc.constant([]);
      return s.uniqueItems
        ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength, maxLength });
    }
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required ?? []) as string[]);
      const keys = Object.keys(properties).filter((k) => required.has(k) || depth <= MAX_DEPTH - 2);
      const model: Record<string, Arb> = {};
      for (const key of keys) model[key] = arbitraryFor(properties[key], document, depth + 1, printable);
      for (const key of required) model[key] ??= fc.string({ maxLength: 8 });
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
    }
    default:
      return stringArbitrary(s, printable);
  }
}

function integerArbitrary(s: Record<string, unknown>): Arb {
  let min = typeof s.minimum === 'number' ? Math.ceil(s.minimum) : -1_000_000;
  let max = typeof s.maximum === 'number' ? Math.floor(s.maximum) : 1_000_000;
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(s.exclusiveMinimum) + 1);
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(s.exclusiveMaximum) - 1);
  if (s.format === 'int32') [min, max] = [Math.max(min, -(2 ** 31)), Math.min(max, 2 ** 31 - 1)];
  min = Math.max(min, Number.MIN_SAFE_INTEGER);
  max = Math.min(max, Number.MAX_SAFE_INTEGER);
  const step = typeof s.multipleOf === 'number' && Number.isInteger(s.multipleOf) ? s.multipleOf : 1;
  if (step === 1) return fc.integer({ min, max });
  return fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((n) => n * step);
}

function numberArbitrary(s: Record<string, unknown>): Arb {
  const min =
    typeof s.minimum === 'number'
      ? s.minimum
      : typeof s.exclusiveMinimum === 'number'
        ? s.exclusiveMinimum
        : -1e6;
  const max =
    typeof s.maximum === 'number'
      ? s.maximum
      : typeof s.exclusiveMaximum === 'number'
        ? s.exclusiveMaximum
        : 1e6;
  return fc.double({
    min,
    max,
    noNaN: true,
    noDefaultInfinity: true,
    minExcluded: typeof s.exclusiveMinimum === 'number',
    maxExcluded: typeof s.exclusiveMaximum === 'number',
  });
}

const FORMATS: Record<string, () => Arb> = {
  uuid: () => fc.uuid(),
  'date-time': () =>
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  date: () =>
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
  'uri-reference': () => fc.webUrl(),
  url: () => fc.webUrl(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  hostname: () => fc.domain(),
};

function stringArbitrary(s: Record<string, unknown>, printable: boolean): Arb {
  const minLength = (s.minLength as number | undefined) ?? 0;
  const maxLength = Math.max(minLength, Math.min((s.maxLength as number | undefined) ?? 24, 64));
  const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
  const within = (value: string) =>
    [...value].length >= minLength &&
    [...value].length <= ((s.maxLength as number | undefined) ?? Number.POSITIVE_INFINITY);
  if (format) return format().filter((v) => within(v as string));
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern, 'u')).filter(within);
    } catch {
      return fc.string({ minLength, maxLength });
    }
  }
  // Header values must be printable ASCII; elsewhere any Unicode is fair game.
  return printable
    ? fc.string({
        minLength,
        maxLength,
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.'),
      })
    : fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}

/** The smallest value a schema allows, for recursion cut-offs. */
function minimalFor(schema: unknown, document: unknown): Arb {
  const s = (schema ?? {}) as Record<string, unknown>;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (types.includes('null')) return fc.constant(null);
  if (types.includes('array')) return fc.constant([]);
  return arbitraryFor({ ...s, properties: {}, required: [] }, document, MAX_DEPTH + 1);
}

/** allOf as one schema: properties and required lists merged, other keywords from the last. */
function mergeAll(schemas: readonly unknown[], document: unknown): Schema {
  const out: Record<string, unknown> = {};
  for (const raw of schemas) {
    let schema = raw as Record<string, unknown> | boolean | undefined;
    for (let i = 0; i < 8 && schema && typeof schema === 'object' && typeof schema.$ref === 'string'; i++) {
      const ref = schema.$ref as string;
      schema = resolvePointer(
        document,
        ref.startsWith('contract#') ? ref.slice('contract'.length) : ref,
      ) as Record<string, unknown>;
    }
    if (!schema || typeof schema !== 'object') continue;
    if (Array.isArray(schema.allOf)) {
      const { allOf, ...rest } = schema;
      schema = mergeAll([...(allOf as unknown[]), rest], document) as Record<string, unknown>;
    }
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties') out.properties = { ...(out.properties as object), ...(value as object) };
      else if (key === 'required')
        out.required = [...new Set([...((out.required as string[]) ?? []), ...(value as string[])])];
      else out[key] = value;
    }
  }
  return out;
}
