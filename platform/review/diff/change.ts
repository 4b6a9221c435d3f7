/**
 * What the breaking-change engine reports. Every change carries a stable rule id, a level, the
 * operation it affects and a JSON pointer into the contract, as DESIGN.md fixes for
 * `charter diff --format json`.
 * @module
 */

/**
 * `breaking`: a client built against the base contract can fail against the head.
 * `warning`: worth a reviewer's look, but no client can fail because of it alone.
 * `info`: everything else the contract says differently.
 */
export type Level = 'breaking' | 'warning' | 'info';

/** Most severe first. @example LEVELS.indexOf('warning') // 1 */
export const LEVELS: readonly Level[] = ['breaking', 'warning', 'info'];

export interface Change {
  /** Stable rule id, e.g. `request-body-property-became-required`. */
  readonly id: string;
  readonly level: Level;
  readonly message: string;
  /** `POST /orders`, `webhook orderCreated POST`, or `contract` for document-wide changes. */
  readonly operation: string;
  /** RFC 6901 pointer into the bundled head contract (into the base when the thing was removed). */
  readonly pointer: string;
  /** An addition (new operation, optional parameter, property...) asks for a minor version. */
  readonly addition: boolean;
}

/**
 * Orders changes for every output: breaking first, then by operation, rule and pointer, so
 * the same two contracts always print the same report.
 * @example changes.sort(compareChanges)
 */
export function compareChanges(a: Change, b: Change): number {
  return (
    LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
    byCodePoint(a.operation, b.operation) ||
    byCodePoint(a.id, b.id) ||
    byCodePoint(a.pointer, b.pointer) ||
    byCodePoint(a.message, b.message)
  );
}

/** Locale-independent, so every machine prints the same order (and much faster than localeCompare). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
