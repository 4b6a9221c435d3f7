/**
 * Opaque page cursors: base64url JSON of the last item's sort position and the sort it belongs to.
 * Clients must not parse them; the format may change without notice.
 * @module
 */
import type { ProductSort, SortPosition } from './product-query.ts';

const SORTS: readonly string[] = ['price', '-price', 'name', '-name', 'createdAt', '-createdAt'];

/** What a cursor remembers. */
export interface Cursor {
  readonly sort: ProductSort;
  readonly after: SortPosition;
}

/**
 * @example encodeCursor({ sort: 'name', after: { key: 'Trail Runner 2', id } }) // 'eyJzIjoibmFtZSIs…'
 */
export function encodeCursor(cursor: Cursor): string {
  const wire = { s: cursor.sort, k: cursor.after.key, i: cursor.after.id };
  return Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
}

/**
 * @returns the cursor, or undefined when the text is not one this service issued
 * @example decodeCursor(page.nextCursor)
 */
export function decodeCursor(text: string): Cursor | undefined {
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof wire !== 'object' || wire === null) return undefined;
  const { s, k, i } = wire as Record<string, unknown>;
  if (typeof s !== 'string' || !SORTS.includes(s) || typeof i !== 'string') return undefined;
  // A key of the wrong type would compare as NaN and break the order, so reject it here.
  const textKey = s === 'name' || s === '-name';
  const key = textKey
    ? typeof k === 'string'
      ? k
      : undefined
    : typeof k === 'number' && Number.isFinite(k)
      ? k
      : undefined;
  if (key === undefined) return undefined;
  return { sort: s as ProductSort, after: { key, id: i } };
}
