/**
 * `ContractApi`: one bounded context's contract deployed as an API Gateway REST API in front of
 * its Lambda functions, everything derived from the contract so the gateway cannot drift from it.
 * @module
 */
import { Tags } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { PlannedFunction } from '../../../platform/bundle/plan-functions.ts';
import type { AlarmConfig } from '../../../platform/config/deploy-config.ts';
import { containerConfig } from '../../../platform/config/runtime-config.ts';
import { bindAuthorizers } from '../auth/bind-authorizers.ts';
import { ContainerService } from '../container/container-service.ts';
import { ContextDatabase } from '../data/context-database.ts';
import { buildGatewayDefinition, type GatewayDefinition } from '../definition/gateway-definition.ts';
import type { ContractFunction } from '../functions/contract-function.ts';
import { DeploymentPreference } from '../functions/deployment-preference.ts';
import { sizeFunction } from '../functions/function-sizing.ts';
import { placeFunctions } from '../functions/place-functions.ts';
import { nestedStackCount, resourcesPerFunction } from '../functions/placement.ts';
import { checkResourceLimits } from '../limits/resource-limits.ts';
import { acknowledgeApi, acknowledgeDeploymentRole, acknowledgeRuntime } from '../nag/acknowledgements.ts';
import { TAG_CONTEXT } from '../tags.ts';
import { Firewall, StageFirewall } from '../waf/firewall.ts';
import { accessLogFormat } from './access-log.ts';
import type { ContractApiProps } from './contract-api-props.ts';
import { ContractApiError, validateProps } from './validate-props.ts';

const DEFAULT_ALARMS: AlarmConfig = { http5xxRatePercent: 5, p99LatencyMs: 3000, evaluationPeriods: 2 };

/**
 * @example
 * new ContractApi(stack, 'Api', {
 *   contract: model,
 *   code: FunctionCode.fromBundleDir('dist/functions'),
 *   authorizers: { bearerAuth: SchemeAuthorizer.cognito(userPool) },
 * });
 */
export class ContractApi extends Construct {
  readonly api: apigw.SpecRestApi;
  /** Functions by name (from the plan). */
  readonly functions: ReadonlyMap<string, ContractFunction>;
  readonly plan: readonly PlannedFunction[];
  /** The generated definition, with what the gateway checks and what only the functions do. */
  readonly definition: GatewayDefinition;
  readonly firewall?: StageFirewall;
  readonly usagePlan?: apigw.UsagePlan;
  /** The Fargate service, when the context runs in a container. */
  readonly container?: ContainerService;
  /** The Aurora cluster, proxy and migrations, when the context keeps data on AWS. */
  readonly database?: ContextDatabase;
  /** Path this API is served under on the custom domain. */
  readonly basePath: string;

  constructor(scope: Construct, id: string, props: ContractApiProps) {
    super(scope, id);
    const context = props.contract.context;
    this.plan = validateProps(props);
    this.basePath =
      props.domain?.basePath ?? (props.majorVersion ? `${context}/v${props.majorVersion}` : context);
    Tags.of(this).add(TAG_CONTEXT, context);
    const stage = props.stage ?? {};
    const logRetention = stage.logRetention ?? logs.RetentionDays.ONE_MONTH;

    const container = props.container
      ? new ContainerService(this, 'Container', {
          context,
          image: props.container.code.imageFor(context),
          sizing: containerConfig(props.container.sizing),
          environment: props.environment,
          secrets: props.container.secrets,
          logRetention,
          vpc: props.container.vpc,
        })
      : undefined;
    this.container = container;
    if (container && props.database) {
      this.database = new ContextDatabase(this, 'Database', {
        context,
        vpc: container.vpc,
        config: props.database.config,
        migrationsDir: props.database.migrationsDir,
        logRetention,
      });
      container.useDatabase(this.database);
    }
    const placed = container
      ? {
          targets: new Map(
            props.contract.operations.map((op) => [op.operationId, container.target] as const),
          ),
          functions: new Map<string, ContractFunction>(),
          nestedStacks: [],
        }
      : this.placeLambdas(props, logRetention);
    this.functions = placed.functions;

    const bound = bindAuthorizers(this, props.authorizers ?? {}, context);
    this.definition = buildGatewayDefinition({ model: props.contract, integrations: placed.targets, bound });
    if (this.definition.problems.length > 0) throw new ContractApiError(context, this.definition.problems);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logRetention });
    this.api = new apigw.SpecRestApi(this, 'Api', {
      apiDefinition: apigw.ApiDefinition.fromInline(this.definition.document),
      restApiName: props.majorVersion ? `${context}-v${props.majorVersion}` : context,
      description: `${props.contract.title} ${props.contract.version}, from ${props.contract.sourceFile} by charter`,
      endpointTypes: [apigw.EndpointType.REGIONAL],
      // Execution logging needs an account-wide CloudWatch role; charter owns no account settings.
      cloudWatchRole: false,
      deployOptions: {
        stageName: stage.name ?? 'prod',
        tracingEnabled: true,
        throttlingRateLimit: stage.rateLimit ?? 100,
        throttlingBurstLimit: stage.burstLimit ?? 200,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: accessLogFormat(),
      },
    });
    const firewall = props.firewall ?? Firewall.enabled();
    if (firewall.rateLimitPer5Minutes !== undefined) {
      this.firewall = new StageFirewall(this, 'Firewall', {
        stageArn: this.api.deploymentStage.stageArn,
        rateLimitPer5Minutes: firewall.rateLimitPer5Minutes,
        metricPrefix: this.api.restApiName,
      });
    }
    if (this.definition.usesApiKeys) this.usagePlan = this.addUsagePlan(props);
    if (props.domain) this.mapDomain(props.domain.domain);
    container?.scaleOnRequests(
      this.api,
      this.api.deploymentStage.stageName,
      containerConfig(props.container?.sizing).requestsPerTaskPerMinute,
    );
    acknowledgeRuntime(this);
    acknowledgeApi(this.api, { firewallOffReason: firewall.disabledReason });
    checkResourceLimits(this, [this, ...placed.nestedStacks]);
  }

  /** One function per planned group, each with versions, a `live` alias and CodeDeploy. */
  private placeLambdas(props: ContractApiProps, logRetention: logs.RetentionDays) {
    const context = props.contract.context;
    const deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSCodeDeployRoleForLambdaLimited'),
      ],
      description: `charter ${context}: lets CodeDeploy shift the live aliases`,
    });
    acknowledgeDeploymentRole(deploymentRole);
    const placed = placeFunctions(this, {
      plan: this.plan,
      functionStacks:
        props.functionStacks ??
        nestedStackCount(this.plan.length, resourcesPerFunction(props.invokerAccountIds?.length ?? 0)),
      member: (fn) => ({
        functionName: fn.name,
        operations: fn.operations.map((op) => op.operationId),
        code: props.code.codeFor(context, fn),
        ...sizeFunction(props.contract, fn, props.sizing),
      }),
      common: {
        context,
        environment: props.environment,
        logRetention,
        application: new codedeploy.LambdaApplication(this, 'Deployments'),
        deploymentConfig: (props.deployment ?? DeploymentPreference.canary()).bind(this),
        deploymentRole,
        alarms: { ...DEFAULT_ALARMS, ...props.alarms },
        invokerAccountIds: props.invokerAccountIds,
      },
    });
    return placed;
  }

  private addUsagePlan(props: ContractApiProps): apigw.UsagePlan {
    const settings = { rateLimit: 50, burstLimit: 100, quotaPerDay: 0, ...props.usagePlan };
    const plan = this.api.addUsagePlan('UsagePlan', {
      description: `charter ${props.contract.context}: API keys for ${this.api.restApiName}`,
      throttle: { rateLimit: settings.rateLimit, burstLimit: settings.burstLimit },
      ...(settings.quotaPerDay > 0
        ? { quota: { limit: settings.quotaPerDay, period: apigw.Period.DAY } }
        : {}),
      apiStages: [{ api: this.api, stage: this.api.deploymentStage }],
    });
    for (const name of props.apiKeys ?? ['default']) {
      plan.addApiKey(
        new apigw.ApiKey(this, `ApiKey-${name}`, {
          description: `charter ${props.contract.context}: key "${name}"`,
          enabled: true,
        }),
      );
    }
    return plan;
  }

  private mapDomain(domain: apigw.IDomainName): void {
    if (this.basePath.includes('/')) {
      // Multi-level base paths (`orders/v2`) exist only as API Gateway v2 API mappings.
      new apigwv2.CfnApiMapping(this, 'ApiMapping', {
        domainName: domain.domainName,
        apiId: this.api.restApiId,
        stage: this.api.deploymentStage.stageName,
        apiMappingKey: this.basePath,
      });
      return;
    }
    new apigw.CfnBasePathMapping(this, 'BasePathMapping', {
      domainName: domain.domainName,
      restApiId: this.api.restApiId,
      stage: this.api.deploymentStage.stageName,
      basePath: this.basePath,
    });
  }
}
