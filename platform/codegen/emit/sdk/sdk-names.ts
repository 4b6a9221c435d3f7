/**
 * The names an SDK exports: its package name, and per operation a function, an operation
 * type and an error type that cannot clash with each other, the fixed exports or JavaScript's
 * reserved words.
 * @module
 */
import type { ContractModel, OperationModel } from '../../model/model.ts';
import { identifierOf, pascalCase } from '../../model/names.ts';

const RESERVED = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum eval ' +
    'export extends false finally for function if implements import in instanceof interface let new null ' +
    'package private protected public return static super switch this throw true try typeof var void ' +
    'while with yield createClient'
  ).split(' '),
);

export interface OperationNames {
  /** The exported function, e.g. `getProduct`. */
  readonly fn: string;
  /** The exported operation type, e.g. `GetProductOperation`. */
  readonly operation: string;
  /** The exported error type, e.g. `GetProductError`. */
  readonly error: string;
}

/** @example packageName('@shop', 'catalog') // '@shop/catalog-sdk' */
export function packageName(scope: string, context: string): string {
  return `${scope}/${context.toLowerCase().replace(/[^a-z0-9-._]+/g, '-')}-sdk`;
}

/** @example contextTypeName('catalog') // 'Catalog' */
export function contextTypeName(context: string): string {
  return pascalCase(identifierOf(context));
}

/** @example operationNames({ identifier: 'delete', ... }) // { fn: 'deleteOperation', ... } */
export function operationNames(op: OperationModel): OperationNames {
  const fn = RESERVED.has(op.identifier) ? `${op.identifier}Operation` : op.identifier;
  const type = pascalCase(fn);
  return { fn, operation: `${type}Operation`, error: `${type}Error` };
}

/**
 * The variable README examples call the client: the context's name unless an operation
 * function has that name.
 * @example clientVariable(catalogModel) // 'catalog'
 */
export function clientVariable(model: ContractModel): string {
  // Asked once per operation's example: computed once per model (GitHub has 803 operations).
  let variable = clientVariables.get(model);
  if (variable === undefined) {
    const name = identifierOf(model.context);
    const taken = new Set(model.operations.map((op) => operationNames(op).fn));
    variable = taken.has(name) || RESERVED.has(name) ? 'client' : name;
    clientVariables.set(model, variable);
  }
  return variable;
}

const clientVariables = new WeakMap<ContractModel, string>();
