/**
 * Memory and timeout of each function: the function's own setting, else the largest its
 * operations ask for (config `operations.<id>`, or `x-charter-memory-mb` /
 * `x-charter-timeout-seconds` on the operation in the contract), else the context's default.
 * @module
 */
import type { PlannedFunction } from '../../../platform/bundle/plan-functions.ts';
import type { ContractModel } from '../../../platform/codegen/model/model.ts';
import type { FunctionSizing } from '../../../platform/config/deploy-config.ts';
import type { SizingOptions } from '../contract-api/contract-api-props.ts';
import { resolveThroughRefs } from '../definition/resolve.ts';

export interface ResolvedSizing {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

const EXTENSIONS = { memoryMb: 'x-charter-memory-mb', timeoutSeconds: 'x-charter-timeout-seconds' } as const;
const RANGES = { memoryMb: [128, 10240], timeoutSeconds: [1, 900] } as const;

/** @example sizeFunction(model, plan[0], { memoryMb: 512 }) // { memoryMb: 512, timeoutSeconds: 10 } */
export function sizeFunction(
  model: ContractModel,
  fn: PlannedFunction,
  sizing: SizingOptions = {},
): ResolvedSizing {
  const pick = (key: keyof FunctionSizing, fallback: number): number => {
    const own = sizing.functions?.[fn.name]?.[key];
    if (own !== undefined) return own;
    const asked = fn.operations
      .map((op) => sizing.operations?.[op.operationId]?.[key] ?? extension(model, op.pointer, key))
      .filter((v): v is number => typeof v === 'number');
    return asked.length > 0 ? Math.max(...asked) : fallback;
  };
  return {
    memoryMb: pick('memoryMb', sizing.memoryMb ?? 512),
    timeoutSeconds: pick('timeoutSeconds', sizing.timeoutSeconds ?? 10),
  };
}

/**
 * Sizing problems: extensions out of range, settings naming operations or functions that do not exist.
 * @example sizingProblems(model, plan, { functions: { 'order-readz': { memoryMb: 1024 } } }) // ['/contexts/orders/functions/order-readz: no function (group) ...']
 */
export function sizingProblems(
  model: ContractModel,
  plan: readonly PlannedFunction[],
  sizing: SizingOptions = {},
): string[] {
  const problems: string[] = [];
  for (const op of model.operations) {
    for (const key of ['memoryMb', 'timeoutSeconds'] as const) {
      const value = resolveThroughRefs(model.bundled, `${op.pointer}/${EXTENSIONS[key]}`);
      const [min, max] = RANGES[key];
      if (
        value !== undefined &&
        (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      )
        problems.push(
          `${model.sourceFile}#${op.pointer}/${EXTENSIONS[key]}: ${JSON.stringify(value)} must be a whole number from ${min} to ${max}`,
        );
    }
  }
  const operationIds = new Set(model.operations.map((op) => op.operationId));
  for (const id of Object.keys(sizing.operations ?? {})) {
    if (!operationIds.has(id))
      problems.push(
        `/contexts/${model.context}/operations/${id}: ${model.context} has no operation "${id}"; use one of ${[...operationIds].sort().join(', ')}`,
      );
  }
  const names = plan.map((f) => f.name);
  for (const name of Object.keys(sizing.functions ?? {})) {
    if (!names.includes(name))
      problems.push(
        `/contexts/${model.context}/functions/${name}: no function (group) "${name}" in ${model.context}; its functions are ${names.join(', ')} (name groups with x-charter-function and strategy "groups")`,
      );
  }
  return problems;
}

function extension(model: ContractModel, pointer: string, key: keyof FunctionSizing): number | undefined {
  const value = resolveThroughRefs(model.bundled, `${pointer}/${EXTENSIONS[key]}`);
  return typeof value === 'number' ? value : undefined;
}
