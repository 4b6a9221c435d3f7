/**
 * cdk-nag (AwsSolutions) findings a context's container service accepts on purpose, each with
 * the reason a reviewer needs.
 * @module
 */
import { Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * @param parts the task's execution role and the task security group, acknowledged on their own
 * @example acknowledgeContainerService(containerService, { executionRole, securityGroup })
 */
export function acknowledgeContainerService(
  scope: Construct,
  parts: { readonly executionRole?: Construct; readonly securityGroup: Construct },
): void {
  if (parts.executionRole)
    Validations.of(parts.executionRole).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'ecr:GetAuthorizationToken has no resource-level permissions; pulling the image and writing logs are granted on the image repository and the log group only.',
    });
  Validations.of(parts.securityGroup).acknowledge({
    id: 'AwsSolutions::AwsSolutions-EC23',
    reason:
      "The only ingress is the server's port from the VPC's own CIDR (a token, which the rule cannot read): the internal Network Load Balancer's addresses.",
  });
  const acknowledge = Validations.of(scope);
  acknowledge.acknowledge({
    id: 'AwsSolutions::AwsSolutions-ECS2',
    reason:
      "The task sets only non-secret settings as plain environment (NODE_ENV, PORT, the context name, other contexts' URLs, the database host); credentials come from Secrets Manager as ECS secrets.",
  });
  acknowledge.acknowledge({
    id: 'AwsSolutions::AwsSolutions-ELB2',
    reason:
      'Network Load Balancers write access logs only for TLS listeners; this one is internal plain TCP behind API Gateway, whose JSON access log records every request with its request id, which the server logs too.',
  });
}
