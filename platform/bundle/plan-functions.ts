/**
 * Decides which operations share a function: one per operation (the default), one per context
 * (a Lambda-lith), or named groups (`x-charter-function` on an operation, or on a tag for every
 * operation whose first tag it is), as DESIGN.md states.
 * @module
 */

import type { ContractModel, OperationModel } from '../codegen/model/model.ts';
import { kebabCase } from '../codegen/model/names.ts';
import type { FunctionStrategy } from '../config/charter-config.ts';

export interface PlannedFunction {
  /** Function name, unique in the context: kebab-case. */
  readonly name: string;
  readonly operations: readonly OperationModel[];
}

export class FunctionPlanError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'FunctionPlanError';
  }
}

const FUNCTION_NAME = /^[a-z][a-z0-9-]{0,47}$/;

/**
 * @example planFunctions(model, 'per-operation').map((f) => f.name) // ['cancel-order', 'get-order', ...]
 * @throws FunctionPlanError naming every invalid group
 */
export function planFunctions(model: ContractModel, strategy: FunctionStrategy): PlannedFunction[] {
  const operations = [...model.operations].sort((a, b) => a.operationId.localeCompare(b.operationId));
  if (strategy === 'per-context') return [{ name: model.context, operations }];
  if (strategy === 'per-operation')
    return operations.map((op) => ({ name: kebabCase(op.identifier), operations: [op] }));

  const problems: string[] = [];
  const groups = new Map<string, OperationModel[]>();
  const byTag = tagFunctions(model);
  for (const op of operations) {
    const tagged = op.tags.length > 0 ? byTag.get(op.tags[0]) : undefined;
    const name = op.functionName ?? tagged?.name ?? kebabCase(op.identifier);
    if (!FUNCTION_NAME.test(name)) {
      const where = op.functionName !== undefined ? op.pointer : (tagged?.pointer ?? op.pointer);
      problems.push(
        `${model.sourceFile}#${where}/x-charter-function: "${name}" is not a function name; use lower-case kebab-case of at most 48 characters, e.g. "order-reads"`,
      );
    }
    groups.set(name, [...(groups.get(name) ?? []), op]);
  }
  if (problems.length > 0) throw new FunctionPlanError(problems);
  return [...groups]
    .map(([name, ops]) => ({ name, operations: ops }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `x-charter-function` on the document's tag objects, by tag name. */
function tagFunctions(model: ContractModel): Map<string, { name: string; pointer: string }> {
  const tags = Array.isArray(model.bundled.tags) ? (model.bundled.tags as Record<string, unknown>[]) : [];
  const found = new Map<string, { name: string; pointer: string }>();
  tags.forEach((tag, index) => {
    const name = tag?.['x-charter-function'];
    if (typeof tag?.name === 'string' && typeof name === 'string')
      found.set(tag.name, { name, pointer: `/tags/${index}` });
  });
  return found;
}
