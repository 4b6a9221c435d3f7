/**
 * cdk-nag (AwsSolutions) findings a context's database accepts on purpose, each with the reason
 * a reviewer needs.
 * @module
 */
import { Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** @example acknowledgeDatabase(database, { migrationRole }) */
export function acknowledgeDatabase(scope: Construct, parts: { readonly migrationRole: iam.Role }): void {
  const migration = Validations.of(parts.migrationRole);
  migration.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
    reason:
      "AWS's managed policy for functions in a VPC: create, describe and delete their own network interfaces, which have no narrower resource ARNs before they exist.",
  });
  migration.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: "AWS's managed policy for a function's own logs.",
  });
  Validations.of(scope).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason:
      'The migration function runs on Node.js 22, the runtime charter bundles target (esbuild target node22) and tests.',
  });
}
