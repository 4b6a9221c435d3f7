/**
 * RFC 6901 JSON pointers: every problem codegen reports carries one, so a reader can jump to
 * the exact place in the contract.
 * @module
 */

/** @example pointerOf(['paths', '/orders', 'post']) // '/paths/~1orders/post' */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Splits a pointer (with or without a leading `#`) into unescaped segments. */
export function segmentsOf(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((s) => decodeURIComponent(s).replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Reads the value a local pointer names, or undefined when any segment is missing. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Follows `$ref` chains inside one bundled document. Cycles end at the first repeat.
 * @example derefLocal(doc, { $ref: '#/components/schemas/Money' })
 */
export function derefLocal<T = unknown>(document: unknown, value: unknown): T | undefined {
  const seen = new Set<string>();
  let node = value;
  while (node && typeof node === 'object' && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const ref = (node as { $ref: string }).$ref;
    if (!ref.startsWith('#') || seen.has(ref)) return undefined;
    seen.add(ref);
    node = resolvePointer(document, ref);
  }
  return node as T | undefined;
}
