/**
 * Decodes raw path, query, header and cookie values per their OpenAPI `style` and `explode`
 * into the JSON shapes their schemas describe. Coercion to schema types (`"5"` → 5) is left to
 * the precompiled parameters validator, which knows the types.
 * @module
 */
import type { ParameterSpec } from './operation.ts';
import type { FieldError } from './problem.ts';

export interface RawParameters {
  /** Path parameters as matched, still percent-encoded unless `pathDecoded`. */
  readonly path: Readonly<Record<string, string>>;
  readonly pathDecoded?: boolean;
  /** Query parameters, already percent-decoded, by name. */
  readonly query: Readonly<Record<string, readonly string[]>>;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly cookies: Readonly<Record<string, string>>;
}

export interface DecodedParameters {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  cookie: Record<string, unknown>;
}

/** @returns decoded values; problems (bad percent-encoding, bad JSON) are pushed onto `errors` */
export function decodeParameters(
  specs: readonly ParameterSpec[],
  raw: RawParameters,
  errors: FieldError[],
): DecodedParameters {
  const out: DecodedParameters = { path: {}, query: {}, header: {}, cookie: {} };
  for (const spec of specs) {
    try {
      const value = decodeOne(spec, raw, specs);
      if (value !== undefined) out[spec.in][spec.name] = value;
    } catch (error) {
      errors.push({ in: spec.in, name: spec.name, message: (error as Error).message });
    }
  }
  return out;
}

function decodeOne(spec: ParameterSpec, raw: RawParameters, all: readonly ParameterSpec[]): unknown {
  switch (spec.in) {
    case 'path': {
      const value = raw.path[spec.name];
      if (value === undefined) return undefined;
      return decodePath(spec, value, raw.pathDecoded ? identity : percentDecode);
    }
    case 'query':
      return decodeQuery(spec, raw.query, all);
    case 'header': {
      const value = raw.headers[spec.name.toLowerCase()];
      return value === undefined ? undefined : decodeSimple(spec, value, identity);
    }
    case 'cookie': {
      const value = raw.cookies[spec.name];
      if (value === undefined) return undefined;
      if (spec.json) return parseJson(value);
      return spec.shape === 'primitive' ? value : decodeDelimited(spec, value, ',', identity);
    }
  }
}

function decodePath(spec: ParameterSpec, value: string, decode: (s: string) => string): unknown {
  if (spec.json) return parseJson(decode(value));
  if (spec.style === 'label') {
    if (!value.startsWith('.')) throw new Error('a label-style value starts with "."');
    const body = value.slice(1);
    if (spec.shape === 'primitive') return decode(body);
    return decodeDelimited(spec, body, spec.explode ? '.' : ',', decode);
  }
  if (spec.style === 'matrix') return decodeMatrix(spec, value, decode);
  return decodeSimple(spec, value, decode);
}

function decodeSimple(spec: ParameterSpec, value: string, decode: (s: string) => string): unknown {
  if (spec.json) return parseJson(decode(value));
  if (spec.shape === 'primitive') return decode(value);
  return decodeDelimited(spec, value, ',', decode);
}

/** Arrays `a,b`; objects `k,v,k2,v2` or, exploded, `k=v,k2=v2`. */
function decodeDelimited(
  spec: ParameterSpec,
  value: string,
  separator: string,
  decode: (s: string) => string,
): unknown {
  const parts = value === '' ? [] : value.split(separator);
  if (spec.shape === 'array') return parts.map(decode);
  const object: Record<string, string> = Object.create(null);
  if (spec.explode) {
    for (const part of parts) {
      const at = part.indexOf('=');
      if (at < 0) throw new Error(`"${decode(part)}" is not a key=value pair`);
      object[decode(part.slice(0, at))] = decode(part.slice(at + 1));
    }
  } else {
    if (parts.length % 2 !== 0) throw new Error('an object value alternates keys and values (k,v,k2,v2)');
    for (let i = 0; i < parts.length; i += 2) object[decode(parts[i])] = decode(parts[i + 1]);
  }
  return { ...object };
}

/** `;id=5`, `;id=3,4` or, exploded, `;id=3;id=4`; objects `;role=admin;name=Alex` when exploded. */
function decodeMatrix(spec: ParameterSpec, value: string, decode: (s: string) => string): unknown {
  if (!value.startsWith(';')) throw new Error('a matrix-style value starts with ";"');
  const pairs = value
    .slice(1)
    .split(';')
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    });
  if (spec.shape === 'object' && spec.explode) {
    return Object.fromEntries(pairs.map(([k, v]) => [decode(k), decode(v)]));
  }
  const own = pairs.filter(([k]) => decode(k) === spec.name).map(([, v]) => v);
  if (own.length === 0) return undefined;
  if (spec.shape === 'primitive') return decode(own[0]);
  if (spec.shape === 'array' && spec.explode) return own.map(decode);
  return decodeDelimited({ ...spec, explode: false }, own[0], ',', decode);
}

function decodeQuery(
  spec: ParameterSpec,
  query: Readonly<Record<string, readonly string[]>>,
  all: readonly ParameterSpec[],
): unknown {
  if (spec.json) {
    const own = Object.hasOwn(query, spec.name) ? query[spec.name] : undefined;
    return own && own.length > 0 ? parseJson(own[0]) : undefined;
  }
  if (spec.style === 'deepObject') return decodeDeepObject(spec.name, query);
  if (spec.shape === 'object' && spec.explode) {
    // Exploded form objects spread their properties over the query string: every key that no
    // other declared parameter claims belongs to this object.
    const claimed = new Set(all.filter((p) => p.in === 'query' && p !== spec).map((p) => p.name));
    const entries = Object.entries(query).filter(([key]) => !claimed.has(key));
    return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([k, v]) => [k, v[0]]));
  }
  const values = Object.hasOwn(query, spec.name) ? query[spec.name] : undefined;
  if (!values || values.length === 0) return undefined;
  if (spec.shape === 'primitive') return values[values.length - 1];
  if (spec.shape === 'array' && spec.explode) return [...values];
  const separator = spec.style === 'spaceDelimited' ? ' ' : spec.style === 'pipeDelimited' ? '|' : ',';
  return decodeDelimited(spec, values[0], separator, identity);
}

/** `filter[color]=red&filter[size][min]=2&filter[tags][]=a`, nested as far as it goes. */
function decodeDeepObject(name: string, query: Readonly<Record<string, readonly string[]>>): unknown {
  let root: Record<string, unknown> | undefined;
  const prefix = `${name}[`;
  for (const [key, values] of Object.entries(query)) {
    if (!key.startsWith(prefix)) continue;
    const path = [...key.slice(name.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    if (path.length === 0 || path.some((p) => UNSAFE_KEYS.has(p))) continue;
    root ??= {};
    let node: Record<string, unknown> = root;
    for (const [i, segment] of path.entries()) {
      const last = i === path.length - 1;
      if (segment === '' && last) continue;
      const nextIsArray = path[i + 1] === '';
      if (last) node[segment] = values.length > 1 ? [...values] : values[0];
      else if (nextIsArray && i + 1 === path.length - 1) node[segment] = [...values];
      else {
        const existing = node[segment];
        node = (node[segment] = existing && typeof existing === 'object' ? existing : {}) as Record<
          string,
          unknown
        >;
      }
    }
  }
  return root;
}

/** Keys that would reach an object's prototype if used as property names. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function identity(value: string): string {
  return value;
}

/** @throws with a message fit for a 400 when the value is not valid percent-encoding */
export function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new Error(`"${value}" is not valid percent-encoding`);
  }
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new Error('the value is not valid JSON');
  }
}
