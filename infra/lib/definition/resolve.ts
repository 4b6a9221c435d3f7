/**
 * Reads a pointer the model recorded (e.g. an operation's `requestBody/content/...`) in the
 * validation document, following `$ref`s met on the way: a request body or response may be a
 * reference to `#/components/...` while the pointer names it from the operation.
 * @module
 */
import { derefLocal, segmentsOf } from '../../../platform/codegen/model/json-pointer.ts';

/** @example resolveThroughRefs(doc, '/paths/~1orders/post/requestBody/content/application~1json/schema') */
export function resolveThroughRefs(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of segmentsOf(pointer)) {
    node = derefLocal(document, node);
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
