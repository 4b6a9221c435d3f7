/**
 * Translates a contract schema (JSON Schema 2020-12, as codegen normalised it) into a JSON Schema
 * draft-4 model API Gateway can enforce. The gateway model may only ever be looser than the
 * contract, never stricter: a request the function would accept must pass the gateway. So every
 * keyword draft 4 cannot say is dropped (loosening) and recorded as checked in Lambda only, and
 * keywords whose meaning a dropped child could invert (`oneOf`, `not`) are dropped whole.
 * @module
 */
import { resolvePointer } from '../../../platform/codegen/model/json-pointer.ts';

type Json = Record<string, unknown>;

export interface Draft4Result {
  /** The model, or undefined when the gateway can check nothing useful about the value. */
  readonly schema: Json | undefined;
  /** What the contract says that the gateway model does not, each with where it applies. */
  readonly lambdaOnly: readonly string[];
}

export interface Draft4Options {
  /** Schema nodes a model may grow to before the gateway gives the value up. @default 4000 */
  readonly maxNodes?: number;
}

const COPIED = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
];
/** Annotations: they never change what a value may be. */
const IGNORED = new Set([
  'title',
  'description',
  'examples',
  'example',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'definitions',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'discriminator',
  'xml',
  'externalDocs',
]);
const DRAFT4_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);
/** ECMA-262 syntax the gateway's (Java) regex engine reads differently or not at all. */
const UNPORTABLE_PATTERN = /\(\?<[=!]|\(\?<[A-Za-z]|\\[pPk][{<]|\\u\{|\(\?[imsx-]+[:)]/;

class TooLarge extends Error {}

/**
 * @param schema the contract's schema (may hold `$ref`s into `document`)
 * @param document the validation document the refs point into (`model.validationDocument`)
 * @example toDraft4({ type: 'string', format: 'uuid' }, doc) // { schema: { type: 'string' }, lambdaOnly: ['(root): format "uuid"'] }
 */
export function toDraft4(schema: unknown, document: unknown, options: Draft4Options = {}): Draft4Result {
  const notes = new Set<string>();
  const budget = { left: options.maxNodes ?? 4000 };
  try {
    const translated = translate(schema, { document, notes, budget, refs: [] }, '');
    return { schema: isEmpty(translated) ? undefined : translated, lambdaOnly: [...notes] };
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    return { schema: undefined, lambdaOnly: ['(root): the whole schema (too large for a gateway model)'] };
  }
}

interface Walk {
  readonly document: unknown;
  readonly notes: Set<string>;
  readonly budget: { left: number };
  readonly refs: readonly string[];
}

function translate(node: unknown, walk: Walk, at: string): Json {
  if ((walk.budget.left -= 1) < 0) throw new TooLarge();
  if (node === true || node === undefined) return {};
  if (node === false) return { not: {} };
  if (!node || typeof node !== 'object') return {};
  const schema = node as Json;
  const where = at || '(root)';
  const parts: Json[] = [];
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (!ref.startsWith('#') || walk.refs.includes(ref)) {
      walk.notes.add(`${where}: ${ref.startsWith('#') ? 'recursive' : 'external'} schema ${ref}`);
    } else {
      const target = resolvePointer(walk.document, ref);
      parts.push(translate(target, { ...walk, refs: [...walk.refs, ref] }, at));
    }
  }
  const out: Json = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$ref' || IGNORED.has(keyword) || keyword.startsWith('x-')) continue;
    if (COPIED.includes(keyword)) {
      out[keyword] = value;
      continue;
    }
    switch (keyword) {
      case 'type':
        if (typeof value === 'string' && DRAFT4_TYPES.has(value)) out.type = value;
        else walk.notes.add(`${where}: type ${JSON.stringify(value)}`);
        break;
      case 'required':
        // Draft 4 requires a non-empty list.
        if (Array.isArray(value) && value.length > 0) out.required = value;
        break;
      case 'enum':
        out.enum = value;
        break;
      case 'const':
        out.enum = [value];
        break;
      case 'pattern':
        if (typeof value === 'string' && !UNPORTABLE_PATTERN.test(value)) out.pattern = value;
        else walk.notes.add(`${where}: pattern ${JSON.stringify(value)}`);
        break;
      case 'format':
        walk.notes.add(`${where}: format "${String(value)}"`);
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        // Draft 4 spells these as booleans beside minimum/maximum, which the gateway's OpenAPI
        // import drops; the inclusive bound is the closest looser check.
        out[keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'] ??= value;
        walk.notes.add(`${where}: ${keyword} ${String(value)} (the gateway checks it inclusively)`);
        break;
      case 'properties':
        out.properties = Object.fromEntries(
          Object.entries(value as Json).map(([name, child]) => [
            name,
            translate(child, walk, `${at}/${name}`),
          ]),
        );
        break;
      case 'additionalProperties': {
        const extra = value === false ? false : translate(value, walk, `${at}/{additional property}`);
        if (extra === false || !isEmpty(extra)) out.additionalProperties = extra;
        break;
      }
      case 'items':
        if (schema.prefixItems === undefined) {
          const items = translate(value, walk, `${at}/*`);
          if (!isEmpty(items)) out.items = items;
        }
        break;
      case 'allOf':
      case 'anyOf':
        out[keyword] = (value as unknown[]).map((child, i) =>
          translate(child, walk, `${at}/${keyword}/${i}`),
        );
        break;
      default:
        // oneOf and not would turn a loosened child into a stricter whole; the rest has no
        // draft-4 spelling (prefixItems, contains, if/then/else, dependent*, unevaluated*, ...).
        walk.notes.add(`${where}: ${keyword}`);
    }
  }
  if (out.additionalProperties === false && schema.patternProperties !== undefined) {
    // Without patternProperties, `additionalProperties: false` would reject what they allow.
    delete out.additionalProperties;
  }
  if (out.properties && out.additionalProperties !== false) pruneProperties(out);
  if (Array.isArray(out.allOf) || Array.isArray(out.anyOf)) simplifyCombinators(out);
  const combined = [...parts.filter((p) => !isEmpty(p)), ...(isEmpty(out) ? [] : [out])];
  if (combined.length === 0) return {};
  return combined.length === 1 ? combined[0] : { allOf: combined };
}

/** Unconstrained properties only matter to `additionalProperties: false`; drop them otherwise. */
function pruneProperties(out: Json): void {
  const kept = Object.entries(out.properties as Json).filter(([, s]) => !isEmpty(s as Json));
  if (kept.length === 0) delete out.properties;
  else out.properties = Object.fromEntries(kept);
}

function simplifyCombinators(out: Json): void {
  if (Array.isArray(out.allOf)) {
    const kept = (out.allOf as Json[]).filter((s) => !isEmpty(s));
    if (kept.length === 0) delete out.allOf;
    else out.allOf = kept;
  }
  // An anyOf with an unconstrained branch accepts everything.
  if (Array.isArray(out.anyOf) && (out.anyOf as Json[]).some(isEmpty)) delete out.anyOf;
}

function isEmpty(schema: Json | undefined): boolean {
  return schema === undefined || Object.keys(schema).length === 0;
}
