/**
 * A set of a context's functions deployed together (in the context's stack, or in one nested
 * stack when the context is large), with the one role API Gateway assumes to invoke their
 * aliases. Invoking through a role instead of resource-policy grants keeps each function's
 * resource policy empty however many operations share it, far from its 20 KB limit.
 * @module
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ContractFunction, type ContractFunctionProps } from './contract-function.ts';

export interface GroupMember {
  readonly functionName: string;
  readonly operations: readonly string[];
  readonly code: lambda.Code;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
}

export interface FunctionGroupProps {
  readonly members: readonly GroupMember[];
  /** Settings every member shares. */
  readonly common: Omit<ContractFunctionProps, keyof GroupMember>;
}

/**
 * @example new FunctionGroup(this, 'Functions', { members, common })
 */
export class FunctionGroup extends Construct {
  readonly functions: ReadonlyMap<string, ContractFunction>;
  /** Assumed by API Gateway; may invoke exactly this group's `live` aliases. */
  readonly invokeRole: iam.Role;

  constructor(scope: Construct, id: string, props: FunctionGroupProps) {
    super(scope, id);
    const functions = new Map<string, ContractFunction>();
    for (const member of props.members) {
      functions.set(
        member.functionName,
        new ContractFunction(this, member.functionName, { ...props.common, ...member }),
      );
    }
    this.functions = functions;
    // Only principals allowed to pass this role (iam:PassRole) can attach it to an integration.
    this.invokeRole = new iam.Role(this, 'InvokeRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: `charter ${props.common.context}: lets API Gateway invoke ${functions.size} live alias(es)`,
      inlinePolicies: {
        InvokeLiveAliases: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['lambda:InvokeFunction'],
              resources: [...functions.values()].map((f) => f.alias.functionArn),
            }),
          ],
        }),
      },
    });
  }
}
