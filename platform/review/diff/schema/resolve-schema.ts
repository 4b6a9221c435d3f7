/**
 * Turns a schema as written (a `$ref`, an `allOf` of `$ref`s, a 3.0 `$ref` with `nullable`
 * next to it) into the one node the comparison reads. `allOf` is merged into a single node, so
 * moving properties into a shared base schema reads as no change at all, while a property that
 * really disappears is reported as that property.
 * @module
 */
import {
  type ContractDocument,
  isObject,
  type Json,
  type Located,
  refOf,
} from '../document/contract-document.ts';

export interface ResolvedSchema {
  /** The effective schema; `true`/`false` are the JSON Schema boolean schemas. */
  readonly node: Json | boolean;
  readonly pointer: string;
  /** Where each keyword of a merged node came from, when not from `pointer` itself. */
  readonly sources?: Readonly<Record<string, string>>;
}

/** Keywords next to a 3.1 `$ref` that only annotate and need no merge. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'summary',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'externalDocs',
  'xml',
]);
const LOWER_BOUNDS = new Set(['minimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
const UPPER_BOUNDS = new Set(['maximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);

/**
 * Resolves schemas of one document, caching per node so each is merged once.
 * @example new SchemaResolver(doc).resolve({ value: { $ref: '#/components/schemas/Order' }, pointer: '/x' })
 */
export class SchemaResolver {
  private readonly cache = new WeakMap<object, ResolvedSchema>();
  private readonly inProgress = new Set<object>();

  constructor(readonly doc: ContractDocument) {}

  /** @example resolver.resolve(doc.child(mediaType, 'schema')) */
  resolve(located: Located): ResolvedSchema {
    const raw = located.value;
    if (typeof raw === 'boolean') return { node: raw, pointer: located.pointer };
    if (!isObject(raw)) return { node: true, pointer: located.pointer };
    const cached = this.cache.get(raw);
    if (cached) return cached;
    if (this.inProgress.has(raw)) return { node: raw, pointer: located.pointer };
    this.inProgress.add(raw);
    try {
      const resolved = this.resolveObject(this.doc.record(raw, located.pointer));
      this.cache.set(raw, resolved);
      return resolved;
    } finally {
      this.inProgress.delete(raw);
    }
  }

  private resolveObject(located: Located<Json>): ResolvedSchema {
    const raw = located.value;
    if (refOf(raw) !== undefined) {
      const target = this.doc.deref(located);
      const siblings = Object.keys(raw).filter(
        (k) => k !== '$ref' && !ANNOTATIONS.has(k) && !k.startsWith('x-'),
      );
      if (this.doc.openapi30 || siblings.length === 0) {
        const resolved = this.resolve(target);
        // OpenAPI 3.0 ignores $ref siblings, but `nullable` next to one is what authors mean.
        if (this.doc.openapi30 && raw.nullable === true && isObject(resolved.node)) {
          return { ...resolved, node: { ...resolved.node, nullable: true } };
        }
        return resolved;
      }
      // A 3.1 $ref with assertions beside it means both apply.
      const rest = Object.fromEntries(siblings.map((k) => [k, raw[k]]));
      return this.merge(located, [target, this.doc.record(rest, located.pointer)], {});
    }
    if (Array.isArray(raw.allOf) && raw.allOf.length > 0) {
      const own = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'allOf'));
      const branches = raw.allOf.map((_, i) => this.doc.child(located, 'allOf', i));
      return this.merge(located, branches, own);
    }
    return { node: raw, pointer: located.pointer };
  }

  private merge(located: Located, branches: Located[], own: Json): ResolvedSchema {
    const node: Json = {};
    const sources: Record<string, string> = {};
    let impossible = false;
    this.mergeInto(node, sources, { node: own, pointer: located.pointer });
    for (const branch of branches) {
      const resolved = this.resolve(branch);
      if (resolved.node === false) impossible = true;
      if (typeof resolved.node === 'boolean') continue;
      this.mergeInto(node, sources, resolved);
    }
    if (impossible) return { node: false, pointer: located.pointer };
    return { node, pointer: located.pointer, sources };
  }

  private mergeInto(target: Json, sources: Record<string, string>, from: ResolvedSchema): void {
    const node = from.node as Json;
    for (const [keyword, value] of Object.entries(node)) {
      const where = from.sources?.[keyword] ?? from.pointer;
      const present = keyword in target;
      if (keyword === 'properties' && isObject(value)) {
        const merged: Json = { ...((target.properties as Json | undefined) ?? {}) };
        for (const [name, schema] of Object.entries(value)) {
          this.doc.record(schema, `${where}/properties/${escapeSegment(name)}`);
          if (name in merged && merged[name] !== schema) {
            const both = { allOf: [merged[name], schema] };
            this.doc.record(both, this.doc.pointerOf(merged[name]));
            merged[name] = both;
          } else {
            merged[name] = schema;
          }
        }
        target.properties = merged;
        sources.properties ??= where;
      } else if (keyword === 'required' && Array.isArray(value)) {
        target.required = [...new Set([...((target.required as unknown[]) ?? []), ...value])];
        sources.required ??= where;
      } else if (!present) {
        target[keyword] = value;
        sources[keyword] = where;
      } else if (keyword === 'type') {
        target.type = intersectTypes(target.type, value);
      } else if (keyword === 'enum' && Array.isArray(value) && Array.isArray(target.enum)) {
        const keep = new Set(value.map((v) => JSON.stringify(v)));
        target.enum = target.enum.filter((v) => keep.has(JSON.stringify(v)));
      } else if (LOWER_BOUNDS.has(keyword) && typeof value === 'number') {
        if (value > (target[keyword] as number)) [target[keyword], sources[keyword]] = [value, where];
      } else if (UPPER_BOUNDS.has(keyword) && typeof value === 'number') {
        if (value < (target[keyword] as number)) [target[keyword], sources[keyword]] = [value, where];
      }
    }
  }
}

function intersectTypes(a: unknown, b: unknown): unknown {
  const left = Array.isArray(a) ? a : [a];
  const right = new Set(Array.isArray(b) ? b : [b]);
  const both = left.filter((t) => right.has(t) || (t === 'integer' && right.has('number')));
  for (const t of right) if (t === 'integer' && left.includes('number') && !both.includes(t)) both.push(t);
  return both.length === 1 ? both[0] : both;
}

/**
 * The pointer of one keyword of a resolved schema.
 * @example keywordPointer(resolved, 'maximum') // '/components/schemas/Line/properties/qty/maximum'
 */
export function keywordPointer(schema: ResolvedSchema, keyword: string): string {
  return `${schema.sources?.[keyword] ?? schema.pointer}/${escapeSegment(keyword)}`;
}

/**
 * The value of a keyword, and its location, recorded in the document.
 * @example keywordOf(doc, resolved, 'properties', 'id') // { value: { type: 'string' }, pointer: '.../properties/id' }
 */
export function keywordOf(
  doc: ContractDocument,
  schema: ResolvedSchema,
  ...path: (string | number)[]
): Located {
  let value: unknown = schema.node;
  for (const segment of path)
    value = isObject(value) || Array.isArray(value) ? (value as Json)[segment] : undefined;
  const known = doc.pointerOf(value);
  if (known) return { value, pointer: known };
  const [first, ...rest] = path;
  const pointer =
    keywordPointer(schema, String(first)) + rest.map((s) => `/${escapeSegment(String(s))}`).join('');
  return doc.record(value, pointer);
}

function escapeSegment(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
