/**
 * Writes a JSON value as a TypeScript literal the way a person would: identifier keys
 * unquoted, single quotes, short objects on one line.
 * @module
 */

const LINE = 88;

/** Code written into a literal as it is. @example tsLiteral({ signal: new RawCode('AbortSignal.timeout(1_000)') }) */
export class RawCode {
  constructor(readonly code: string) {}
}

/**
 * @param indent the indentation of the line the literal starts on
 * @example tsLiteral({ params: { path: { id: 'a' } } }) // "{ params: { path: { id: 'a' } } }"
 */
export function tsLiteral(value: unknown, indent = ''): string {
  if (value instanceof RawCode) return value.code;
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${key(k)}: ${tsLiteral(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const flat = `${open}${entries.join(', ')}${close}`;
  if (!flat.includes('\n') && indent.length + flat.length <= LINE) return flat;
  return `${open.trim()}\n${entries.map((e) => `${inner}${e},`).join('\n')}\n${indent}${close.trim()}`;
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : scalar(name);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    // Double quotes when they save escaping an apostrophe, as a person would write it.
    if (value.includes("'") && !value.includes('"')) return JSON.stringify(value);
    return `'${JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
  }
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}
