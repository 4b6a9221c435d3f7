/**
 * Creates a context's planned functions, in its own stack or spread over nested stacks (see
 * placement.ts), and returns each operation's integration target: its function's `live` alias
 * and the role API Gateway invokes it with.
 * @module
 */
import { Aws, NestedStack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { PlannedFunction } from '../../../platform/bundle/plan-functions.ts';
import type { IntegrationTarget } from '../definition/gateway-definition.ts';
import type { ContractFunction } from './contract-function.ts';
import { FunctionGroup, type FunctionGroupProps, type GroupMember } from './function-group.ts';
import { bucketOf } from './placement.ts';

export interface PlacedFunctions {
  /** Per operationId. */
  readonly targets: ReadonlyMap<string, IntegrationTarget>;
  /** Per function name. */
  readonly functions: ReadonlyMap<string, ContractFunction>;
  readonly groups: readonly FunctionGroup[];
  readonly nestedStacks: readonly NestedStack[];
}

export interface PlaceOptions {
  readonly plan: readonly PlannedFunction[];
  readonly member: (fn: PlannedFunction) => GroupMember;
  readonly common: FunctionGroupProps['common'];
  /** Nested stacks to spread over; 0 keeps the functions in the scope's own stack. */
  readonly functionStacks: number;
}

/** @example const placed = placeFunctions(this, { plan, member, common }); */
export function placeFunctions(scope: Construct, options: PlaceOptions): PlacedFunctions {
  const buckets = options.functionStacks;
  const groups: FunctionGroup[] = [];
  const nestedStacks: NestedStack[] = [];
  if (buckets === 0) {
    groups.push(
      new FunctionGroup(scope, 'Functions', {
        members: options.plan.map(options.member),
        common: options.common,
      }),
    );
  } else {
    const members = Array.from({ length: buckets }, () => [] as GroupMember[]);
    for (const fn of options.plan) members[bucketOf(fn.name, buckets)].push(options.member(fn));
    members.forEach((bucket, index) => {
      if (bucket.length === 0) return;
      const id = `Functions${String(index).padStart(2, '0')}`;
      const stack = new NestedStack(scope, id, {
        description: `charter ${options.common.context}: functions ${id} (${bucket.length})`,
      });
      nestedStacks.push(stack);
      groups.push(new FunctionGroup(stack, 'Group', { members: bucket, common: options.common }));
    });
  }
  const functions = new Map<string, ContractFunction>();
  for (const group of groups) for (const [name, fn] of group.functions) functions.set(name, fn);
  const targets = new Map<string, IntegrationTarget>();
  for (const fn of options.plan) {
    const deployed = functions.get(fn.name);
    const group = groups.find((g) => g.functions.has(fn.name));
    if (!deployed || !group) continue;
    const target: IntegrationTarget = {
      uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${deployed.alias.functionArn}/invocations`,
      credentialsArn: group.invokeRole.roleArn,
    };
    for (const op of fn.operations) targets.set(op.operationId, target);
  }
  return { targets, functions, groups, nestedStacks };
}
