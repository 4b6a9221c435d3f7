/**
 * One side of a comparison: a bundled contract plus the bookkeeping the engine needs to say
 * where something is. Every node the engine visits gets its JSON pointer recorded on the way
 * in, so a change found deep inside a `$ref`'d, `allOf`-merged schema still names the exact
 * place in the document.
 * @module
 */
import { pointerOf, resolvePointer } from '../../../codegen/model/json-pointer.ts';

export type Json = Record<string, unknown>;

/** A node together with where it lives. */
export interface Located<T = unknown> {
  readonly value: T;
  readonly pointer: string;
}

/**
 * @example
 * const doc = new ContractDocument(bundled.document, 'contracts/orders/openapi.yaml');
 * doc.deref(doc.child({ value: doc.root, pointer: '' }, 'components', 'schemas', 'Order'));
 */
export class ContractDocument {
  readonly openapi30: boolean;
  readonly version: string;
  private readonly pointers = new WeakMap<object, string>();
  /** Resolved `$ref` targets: the same few refs are followed thousands of times. */
  private readonly targets = new Map<string, Located | null>();

  /**
   * @param root the bundled document (local `$ref`s only)
   * @example const doc = new ContractDocument(bundled.document, 'contracts/orders/openapi.yaml');
   */
  constructor(
    readonly root: Json,
    readonly file: string,
  ) {
    this.openapi30 = String(root.openapi ?? '').startsWith('3.0');
    const info = (root.info ?? {}) as Json;
    this.version = String(info.version ?? '');
    this.pointers.set(root, '');
  }

  /** Records `value` as living at `pointer` (the first place it is seen wins). */
  record<T>(value: T, pointer: string): Located<T> {
    if (value !== null && typeof value === 'object' && !this.pointers.has(value)) {
      this.pointers.set(value, pointer);
    }
    return { value, pointer };
  }

  /** The pointer recorded for a node, or '' when it was never visited. */
  pointerOf(value: unknown): string {
    return value !== null && typeof value === 'object' ? (this.pointers.get(value) ?? '') : '';
  }

  /** A child of a located node, recorded. */
  child(parent: Located, ...segments: (string | number)[]): Located {
    let value: unknown = parent.value;
    for (const segment of segments) {
      value = value !== null && typeof value === 'object' ? (value as Json)[segment] : undefined;
    }
    return this.record(value, `${parent.pointer}${pointerOf(segments)}`);
  }

  /**
   * Follows a `$ref` chain inside the document. Cycles and dangling references end at the
   * last node reached, so a broken contract still compares as far as it can.
   * @example doc.deref({ value: { $ref: '#/components/schemas/Money' }, pointer: '/x' })
   */
  deref(located: Located): Located {
    let current = located;
    const seen = new Set<string>();
    for (;;) {
      const ref = refOf(current.value);
      if (ref === undefined || !ref.startsWith('#') || seen.has(ref)) return current;
      seen.add(ref);
      const target = this.target(ref);
      if (!target) return current;
      current = target;
    }
  }

  private target(ref: string): Located | null {
    let target = this.targets.get(ref);
    if (target === undefined) {
      const value = resolvePointer(this.root, ref);
      target = value === undefined ? null : this.record(value, decodeURIComponent(ref.slice(1)));
      this.targets.set(ref, target);
    }
    return target;
  }
}

/**
 * The `$ref` of a reference object, if it is one.
 * @example refOf({ $ref: '#/components/schemas/Money' }) // '#/components/schemas/Money'
 */
export function refOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const ref = (value as Json).$ref;
  return typeof ref === 'string' ? ref : undefined;
}

/** @example isObject({}) // true; isObject([]) // false */
export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
