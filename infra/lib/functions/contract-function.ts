/**
 * One deployed function of a context: Node 22 on arm64, its own log group and least-privilege
 * role, a version per change behind the `live` alias, and a CodeDeploy deployment group that
 * shifts traffic and rolls back on the function's 5xx rate or p99 latency.
 * @module
 */
import { Duration, Tags } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AlarmConfig } from '../../../platform/config/deploy-config.ts';
import { acknowledgeFunctionRole } from '../nag/acknowledgements.ts';
import { operationTagValue, TAG_FUNCTION, TAG_OPERATION } from '../tags.ts';

export interface ContractFunctionProps {
  readonly context: string;
  /** Function name from the plan (kebab-case, unique in the context). */
  readonly functionName: string;
  readonly operations: readonly string[];
  readonly code: lambda.Code;
  /** @default 512 */
  readonly memoryMb?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
  readonly application: codedeploy.ILambdaApplication;
  readonly deploymentConfig: codedeploy.ILambdaDeploymentConfig;
  /** Role CodeDeploy uses, shared by every deployment group of the API. */
  readonly deploymentRole: iam.IRole;
  readonly alarms: AlarmConfig;
  /** Accounts granted `lambda:InvokeFunction` on the alias. @default [] */
  readonly invokerAccountIds?: readonly string[];
}

/** Namespace of the per-function request metrics read from the runtime's request log lines. */
export const METRIC_NAMESPACE = 'Charter';

/**
 * @example new ContractFunction(group, 'get-order', { context: 'orders', functionName: 'get-order', ... })
 */
export class ContractFunction extends Construct {
  readonly function: lambda.Function;
  readonly alias: lambda.Alias;
  readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;
  readonly errorRateAlarm: cloudwatch.Alarm;
  readonly latencyAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ContractFunctionProps) {
    super(scope, id);
    const timeoutSeconds = props.timeoutSeconds ?? 10;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `charter ${props.context}/${props.functionName}: writes its own logs and traces only`,
    });
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: props.code,
      memorySize: props.memoryMb ?? 512,
      timeout: Duration.seconds(timeoutSeconds),
      role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      description: truncate(`charter ${props.context}: ${props.operations.join(', ')}`, 256),
      environment: {
        NODE_ENV: 'production',
        CHARTER_CONTEXT: props.context,
        CHARTER_FUNCTION: props.functionName,
        ...props.environment,
      },
    });
    // A role given to Function gets no log permissions of its own: grant its log group only.
    logGroup.grantWrite(role);
    acknowledgeFunctionRole(role);
    this.alias = new lambda.Alias(this, 'Live', { aliasName: 'live', version: this.function.currentVersion });
    for (const account of props.invokerAccountIds ?? []) {
      this.alias.addPermission(`Invoke${account}`, {
        principal: new iam.AccountPrincipal(account),
        action: 'lambda:InvokeFunction',
      });
    }

    this.errorRateAlarm = this.errorRate(logGroup, props);
    this.latencyAlarm = new cloudwatch.Alarm(this, 'LatencyAlarm', {
      alarmDescription: `${props.context}/${props.functionName}: p99 duration of the live alias over ${props.alarms.p99LatencyMs} ms; rolls a deployment back`,
      metric: this.alias.metricDuration({ statistic: 'p99', period: Duration.minutes(1) }),
      threshold: props.alarms.p99LatencyMs,
      evaluationPeriods: props.alarms.evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deploymentGroup = new codedeploy.LambdaDeploymentGroup(this, 'Deployment', {
      application: props.application,
      alias: this.alias,
      deploymentConfig: props.deploymentConfig,
      role: props.deploymentRole,
      alarms: [this.errorRateAlarm, this.latencyAlarm],
      autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
    });

    Tags.of(this).add(TAG_FUNCTION, props.functionName);
    Tags.of(this).add(TAG_OPERATION, operationTagValue(props.operations));
  }

  /**
   * The share of requests answered with 5xx. A function answers 5xx as a normal result (the
   * core turns exceptions into problem+json), so Lambda's `Errors` never sees them; the
   * runtime's one JSON log line per request (`msg: "request"`, `status`) does.
   */
  private errorRate(logGroup: logs.LogGroup, props: ContractFunctionProps): cloudwatch.Alarm {
    const name = `${props.context}/${props.functionName}`;
    const count = (id: string, metricName: string, pattern: string) => {
      new logs.MetricFilter(this, id, {
        logGroup,
        metricNamespace: METRIC_NAMESPACE,
        metricName,
        filterPattern: logs.FilterPattern.literal(pattern),
        metricValue: '1',
        defaultValue: 0,
      });
      return new cloudwatch.Metric({
        namespace: METRIC_NAMESPACE,
        metricName,
        statistic: 'Sum',
        period: Duration.minutes(1),
      });
    };
    const requests = count('RequestCount', `${name}/Requests`, '{ $.msg = "request" }');
    const errors = count('Http5xxCount', `${name}/Http5xx`, '{ $.msg = "request" && $.status >= 500 }');
    return new cloudwatch.Alarm(this, 'ErrorRateAlarm', {
      alarmDescription: `${name}: more than ${props.alarms.http5xxRatePercent}% of requests answered 5xx; rolls a deployment back`,
      metric: new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors },
        label: '5xx rate (%)',
        period: Duration.minutes(1),
      }),
      threshold: props.alarms.http5xxRatePercent,
      evaluationPeriods: props.alarms.evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}
