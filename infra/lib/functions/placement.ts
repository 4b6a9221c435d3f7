/**
 * Where a context's functions live. Each function brings about a dozen CloudFormation resources
 * (function, role, policy, log group, version, alias, metric filters, alarms, deployment group);
 * a stack holds at most 500. Small contexts keep their functions in their own stack; large ones
 * spread them over nested stacks by a hash of the function name, so adding an operation does
 * not move the other functions (moving one would replace it).
 * @module
 */

/** Resources one function adds (see ContractFunction); checked again after synthesis. */
export const RESOURCES_PER_FUNCTION = 11;
/**
 * Resources per function for an API: one more per cross-account grant (a permission on the alias).
 * @example resourcesPerFunction(2) // 13
 */
export function resourcesPerFunction(invokerAccounts: number): number {
  return RESOURCES_PER_FUNCTION + invokerAccounts;
}

/** What a stack may hold besides functions: API, stage, WAF, authorizers, nested stacks. */
const STACK_OVERHEAD = 60;
/** CloudFormation's resource limit per stack. */
export const STACK_RESOURCE_LIMIT = 500;
/** Resources a nested stack aims at, leaving room for the hash to spread unevenly. */
const TARGET_PER_NESTED_STACK = 25 * RESOURCES_PER_FUNCTION;

/**
 * Number of nested stacks for `functionCount` functions: 0 while they fit the context's own
 * stack, else a power of two so the count changes rarely as the contract grows.
 * @param perFunction resources each function brings (more with cross-account grants)
 * @example nestedStackCount(4) // 0
 * @example nestedStackCount(468) // 32
 */
export function nestedStackCount(functionCount: number, perFunction = RESOURCES_PER_FUNCTION): number {
  if (functionCount * perFunction + STACK_OVERHEAD <= STACK_RESOURCE_LIMIT - 40) return 0;
  const needed = Math.ceil((functionCount * perFunction) / TARGET_PER_NESTED_STACK);
  return 2 ** Math.ceil(Math.log2(needed));
}

/**
 * The nested stack (0-based) a function belongs to: FNV-1a of its name, stable across runs.
 * @example bucketOf('get-order', 8) // 0..7
 */
export function bucketOf(functionName: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < functionName.length; i++) {
    hash ^= functionName.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/**
 * Problems with where the functions would go, found before anything is created: a stack that
 * would pass CloudFormation's resource limit.
 * @example placementProblems('stripe', 468, 0) // ['stripe: 468 functions need about 5208 resources ...']
 */
export function placementProblems(
  context: string,
  functionNames: readonly string[],
  functionStacks?: number,
  perFunction = RESOURCES_PER_FUNCTION,
): string[] {
  const buckets = functionStacks ?? nestedStackCount(functionNames.length, perFunction);
  const budget = STACK_RESOURCE_LIMIT - STACK_OVERHEAD;
  const suggestion = nestedStackCount(functionNames.length, perFunction) || 2;
  if (buckets === 0) {
    const needed = functionNames.length * perFunction + STACK_OVERHEAD;
    return needed > STACK_RESOURCE_LIMIT
      ? [
          `${context}: ${functionNames.length} functions need about ${needed} resources in one stack; CloudFormation allows ${STACK_RESOURCE_LIMIT}. Leave functionStacks unset (charter then spreads them over ${suggestion} nested stacks), set it to ${suggestion} or more, or put operations together with x-charter-function`,
        ]
      : [];
  }
  const sizes = new Array<number>(buckets).fill(0);
  for (const name of functionNames) sizes[bucketOf(name, buckets)] += 1;
  const largest = Math.max(...sizes);
  return largest * perFunction > budget
    ? [
        `${context}: ${buckets} nested stacks leave one with ${largest} functions (about ${largest * perFunction} resources; CloudFormation allows ${STACK_RESOURCE_LIMIT}); set functionStacks to ${buckets * 2} or leave it unset`,
      ]
    : [];
}
