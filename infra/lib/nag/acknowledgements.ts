/**
 * cdk-nag (AwsSolutions) findings charter accepts on purpose, each with the reason a reviewer
 * needs. Acknowledgements sit on the narrowest construct that causes the finding.
 * @module
 */
import { Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * Every function of an API (handlers and charter's JWT authorizer).
 * @example acknowledgeRuntime(contractApi)
 */
export function acknowledgeRuntime(scope: Construct): void {
  Validations.of(scope).acknowledge({
    id: 'AwsSolutions::AwsSolutions-L1',
    reason:
      'Functions run on Node.js 22, the runtime charter bundles target (esbuild target node22) and tests; moving to a newer runtime is one change to ContractFunction and the bundler together, not per function.',
  });
}

/**
 * A Lambda function's own role: logs to its own group, traces to X-Ray.
 * @example acknowledgeFunctionRole(role)
 */
export function acknowledgeFunctionRole(role: iam.Role): void {
  const acknowledge = Validations.of(role);
  acknowledge.acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions; the role grants nothing else on "*".',
  });
}

/**
 * The CodeDeploy role shared by every deployment group of an API.
 * @example acknowledgeDeploymentRole(deploymentRole)
 */
export function acknowledgeDeploymentRole(role: iam.Role): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
    reason:
      "AWS's limited CodeDeploy policy for Lambda: read alarms, get and update aliases, publish to CodeDeployTopic_* only. Listing every alias of a large context inline would outgrow IAM's policy size limit.",
  });
}

export interface ApiAcknowledgementOptions {
  /** Why WAF is off, when it is. @default undefined (WAF is on) */
  readonly firewallOffReason?: string;
}

/**
 * The REST API and its stage.
 * @example acknowledgeApi(api, {})
 */
export function acknowledgeApi(api: apigw.SpecRestApi, options: ApiAcknowledgementOptions): void {
  Validations.of(api).acknowledge({
    id: 'AwsSolutions::AwsSolutions-APIG2',
    reason:
      'Request validators are declared in the imported definition (x-amazon-apigateway-request-validators) for every operation the gateway can check, not as separate RequestValidator resources; the function validates every request against the contract in full.',
  });
  const stage = Validations.of(api.deploymentStage);
  stage.acknowledge({
    id: 'AwsSolutions::AwsSolutions-APIG6',
    reason:
      'Execution logging needs the account-wide API Gateway CloudWatch role (a regional singleton charter does not own). Every request is in the JSON access log, in X-Ray, and in the function log with its request id.',
  });
  if (options.firewallOffReason)
    stage.acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG3',
      reason: `WAF is turned off in charter.config.json: ${options.firewallOffReason}`,
    });
}
