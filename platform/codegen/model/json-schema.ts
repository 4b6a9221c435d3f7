/**
 * Normalises OpenAPI schema objects (3.0 dialect or 3.1) to plain JSON Schema 2020-12, the one
 * dialect our validators compile. 3.0's `nullable`, boolean `exclusiveMinimum` and `$ref`
 * siblings are translated; annotations ajv does not know (`discriminator`, `xml`, `example`,
 * `x-*`) are dropped because they never change what a value may be.
 * @module
 */

export type JsonSchema = Record<string, unknown> | boolean;

const SCHEMA_MAP_KEYWORDS = ['properties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_KEYWORDS = [
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'contentSchema',
];
/** Annotations without validation meaning that ajv would reject as unknown keywords. */
// `$id`/`$schema` inside a contract's schemas would move ajv's base URI away from the document
// whose `#/components/...` references they use.
const DROPPED_KEYWORDS = new Set([
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'nullable',
  '$id',
  '$schema',
]);
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export interface NormaliseOptions {
  /** The document is OpenAPI 3.0: `$ref` siblings are ignored as that version says. */
  readonly openapi30: boolean;
}

/**
 * @example normaliseSchema({ type: 'string', nullable: true }, { openapi30: true })
 * // { type: ['string', 'null'] }
 */
export function normaliseSchema(schema: unknown, options: NormaliseOptions): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return {};
  const source = schema as Record<string, unknown>;
  if (typeof source.$ref === 'string' && options.openapi30) {
    // Siblings of a 3.0 $ref are ignored by the spec, but `nullable` next to one is common
    // enough in real contracts (Stripe, Box) that honouring it is what authors mean.
    const ref = { $ref: source.$ref };
    return source.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }

  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key.startsWith('x-') || DROPPED_KEYWORDS.has(key)) continue;
    if (SCHEMA_MAP_KEYWORDS.includes(key) && isObject(value)) {
      out[key] = mapValues(value, (v) => normaliseSchema(v, options));
    } else if (SCHEMA_ARRAY_KEYWORDS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((v) => normaliseSchema(v, options));
    } else if (SCHEMA_KEYWORDS.includes(key) && (isObject(value) || typeof value === 'boolean')) {
      out[key] = normaliseSchema(value, options);
    } else if (key === 'items') {
      // Draft-4 style tuple `items: [...]` becomes 2020-12's `prefixItems`.
      if (Array.isArray(value)) out.prefixItems = value.map((v) => normaliseSchema(v, options));
      else out.items = normaliseSchema(value, options);
    } else if (key === 'type') {
      const types = (Array.isArray(value) ? value : [value]).filter((t) => JSON_TYPES.has(t as string));
      if (types.length > 0) out.type = types.length === 1 ? types[0] : types;
    } else if (key === 'enum' && Array.isArray(value) && value.length === 0) {
      // An empty enum admits no value; JSON Schema forbids writing it, so say it another way.
      out.not = {};
    } else if (key === 'pattern' && typeof value === 'string') {
      out.pattern = unicodeSafePattern(value);
    } else if (key === 'patternProperties' && isObject(value)) {
      out.patternProperties = Object.fromEntries(
        Object.entries(value).map(([pattern, v]) => [
          unicodeSafePattern(pattern),
          normaliseSchema(v, options),
        ]),
      );
    } else if (key === 'required') {
      if (Array.isArray(value) && value.length > 0) out.required = [...new Set(value)];
    } else {
      out[key] = value;
    }
  }
  translateExclusiveBounds(source, out);
  if (source.nullable === true) return makeNullable(out);
  return out;
}

/** 3.0 writes `exclusiveMinimum: true` next to `minimum`; 2020-12 wants the number itself. */
function translateExclusiveBounds(source: Record<string, unknown>, out: Record<string, unknown>): void {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof source[flag] !== 'boolean') continue;
    if (source[flag] === true && typeof source[bound] === 'number') {
      out[flag] = source[bound];
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
}

/** `nullable` needs somewhere to put `null`: the type list, the enum, or an anyOf around a $ref. */
function makeNullable(schema: Record<string, unknown>): JsonSchema {
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes('null')) schema.type = [...types, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return schema;
  }
  if (Array.isArray(schema.enum)) {
    if (!schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return schema;
  }
  if (Object.keys(schema).length === 0) return schema;
  return { anyOf: [schema, { type: 'null' }] };
}

/**
 * Patterns are compiled with the `u` flag, where escaping a character that needs no escape
 * (`\:`, or `\-` outside a class) is a syntax error. Such escapes mean the character itself,
 * so dropping the backslash keeps the pattern's meaning.
 * @example unicodeSafePattern('^[\\w\\:]+$') // '^[\\w:]+$'
 */
export function unicodeSafePattern(pattern: string): string {
  if (compiles(pattern)) return pattern;
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1];
      const needed = /[A-Za-z0-9^$\\.*+?()[\]{}|/]/.test(next) || (next === '-' && inClass);
      out += needed ? char + next : next;
      i++;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char;
  }
  return compiles(out) ? out : pattern;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mapValues(value: Record<string, unknown>, fn: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = fn(v);
  return out;
}
