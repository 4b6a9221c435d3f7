/**
 * CloudFormation's per-template limits, checked when the app synthesizes, so a context that
 * outgrows its stack fails with what to change instead of at deploy time.
 * @module
 */
import { CfnOutput, CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** CloudFormation's limits per template. */
export const LIMITS = { resources: 500, outputs: 200, parameters: 200 } as const;

/**
 * Adds a validation to the stack of each scope: counts its own resources, outputs and parameters
 * (not those of its nested stacks, which are templates of their own).
 * @example checkResourceLimits(this, [this, ...nestedStacks])
 */
export function checkResourceLimits(api: Construct, scopes: readonly Construct[]): void {
  const stacks = new Set(scopes.map((s) => Stack.of(s)));
  for (const stack of stacks) {
    stack.node.addValidation({
      validate: () => {
        const own = stack.node.findAll().filter((c) => c !== stack && Stack.of(c) === stack);
        const counts = {
          resources: own.filter((c) => CfnResource.isCfnResource(c)).length,
          outputs: own.filter((c) => c instanceof CfnOutput).length,
          parameters: own.filter((c) => c instanceof CfnParameter).length,
        };
        return (Object.keys(LIMITS) as (keyof typeof LIMITS)[])
          .filter((kind) => counts[kind] > LIMITS[kind])
          .map(
            (kind) =>
              `${stack.node.path} has ${counts[kind]} ${kind}; CloudFormation allows ${LIMITS[kind]} per template. Spread the functions of ${api.node.path} over more nested stacks (functionStacks), or put operations together with x-charter-function`,
          );
      },
    });
  }
}
