/**
 * Lists the operations of a contract under keys that survive harmless edits: path templates
 * are compared without their parameter names (`/pets/{id}` and `/pets/{petId}` are one path),
 * and webhooks are keyed by name.
 * @module
 */
import { HTTP_METHODS } from '../../../codegen/model/model.ts';
import { type ContractDocument, isObject, type Json, type Located } from './contract-document.ts';

export interface OperationView {
  readonly key: string;
  /** `POST /orders` or `webhook orderCreated POST`. */
  readonly label: string;
  readonly kind: 'path' | 'webhook';
  readonly path: string;
  readonly method: string;
  readonly pathItem: Located<Json>;
  readonly operation: Located<Json>;
}

/** @example operationsOf(doc).get('POST /orders') */
export function operationsOf(doc: ContractDocument): Map<string, OperationView> {
  const out = new Map<string, OperationView>();
  const root = { value: doc.root, pointer: '' };
  for (const [kind, container] of [
    ['path', 'paths'],
    ['webhook', 'webhooks'],
  ] as const) {
    const items = doc.child(root, container);
    if (!isObject(items.value)) continue;
    for (const name of Object.keys(items.value)) {
      if (name.startsWith('x-')) continue;
      const pathItem = doc.deref(doc.child(items, name));
      if (!isObject(pathItem.value)) continue;
      for (const method of HTTP_METHODS) {
        const operation = doc.deref(doc.child(pathItem, method));
        if (!isObject(operation.value)) continue;
        const verb = method.toUpperCase();
        const key = kind === 'path' ? `${verb} ${templateKey(name)}` : `webhook ${name} ${verb}`;
        out.set(key, {
          key,
          label: kind === 'path' ? `${verb} ${name}` : `webhook ${name} ${verb}`,
          kind,
          path: name,
          method,
          pathItem: pathItem as Located<Json>,
          operation: operation as Located<Json>,
        });
      }
    }
  }
  return out;
}

/** @example templateKey('/pets/{petId}/toys') // '/pets/{}/toys' */
export function templateKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}
