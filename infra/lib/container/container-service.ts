/**
 * `ContainerService`: one context's production HTTP server (platform/runtime/adapters/http) as
 * an ECS Fargate service on arm64, behind an internal Network Load Balancer that the context's
 * REST API reaches through a VPC link. Scales on CPU and on requests per task.
 * @module
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { ContainerConfig } from '../../../platform/config/runtime-config.ts';
import type { ContextDatabase } from '../data/context-database.ts';
import type { VpcLinkIntegrationTarget } from '../definition/gateway-definition.ts';
import { acknowledgeContainerService } from './acknowledgements.ts';

/** The port the server listens on in the task (the image's `PORT`). */
export const CONTAINER_PORT = 8080;
/** Answered by the server before any route; the load balancer's health check. */
export const HEALTH_PATH = '/healthz';

export interface ContainerServiceProps {
  readonly context: string;
  readonly image: ecs.ContainerImage;
  readonly sizing: ContainerConfig;
  /** @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Environment read from Secrets Manager when a task starts (database credentials). @default {} */
  readonly secrets?: Readonly<Record<string, ecs.Secret>>;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
  /** @default a new VPC over two availability zones with one NAT gateway and flow logs */
  readonly vpc?: ec2.IVpc;
}

/** @example const service = new ContainerService(this, 'Container', { context: 'recommendations', image, sizing }); */
export class ContainerService extends Construct {
  readonly vpc: ec2.IVpc;
  readonly cluster: ecs.Cluster;
  readonly service: ecs.FargateService;
  readonly loadBalancer: elbv2.NetworkLoadBalancer;
  readonly vpcLink: apigw.VpcLink;
  /** What each operation of the context integrates with. */
  readonly target: VpcLinkIntegrationTarget;
  private readonly scaling: appscaling.ScalableTarget;

  constructor(scope: Construct, id: string, props: ContainerServiceProps) {
    super(scope, id);
    const { context, sizing } = props;
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    this.vpc = props.vpc ?? this.createVpc(retention);
    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: this.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: sizing.cpu,
      memoryLimitMiB: sizing.memoryMb,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
    });
    task.addContainer('Server', {
      image: props.image,
      essential: true,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: CONTAINER_PORT, protocol: ecs.Protocol.TCP }],
      environment: {
        ...props.environment,
        NODE_ENV: 'production',
        PORT: String(CONTAINER_PORT),
        CHARTER_CONTEXT: context,
      },
      secrets: { ...props.secrets },
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: context,
        logGroup: new logs.LogGroup(this, 'Logs', { retention }),
      }),
      // The server drains in-flight requests within 25 s of SIGTERM; ECS waits this long before SIGKILL.
      stopTimeout: Duration.seconds(30),
    });
    const securityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc: this.vpc,
      description: `charter ${context}: the server's port, from the load balancer in the VPC`,
      allowAllOutbound: true,
    });
    // A Network Load Balancer without security groups forwards from its own private addresses.
    securityGroup.addIngressRule(
      ec2.Peer.ipv4(this.vpc.vpcCidrBlock),
      ec2.Port.tcp(CONTAINER_PORT),
      'from the internal load balancer',
    );
    this.service = new ecs.FargateService(this, 'Service', {
      cluster: this.cluster,
      taskDefinition: task,
      desiredCount: sizing.minTasks,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      securityGroups: [securityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
    });
    this.loadBalancer = new elbv2.NetworkLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      internetFacing: false,
      crossZoneEnabled: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    this.loadBalancer
      .addListener('Listener', { port: 80, protocol: elbv2.Protocol.TCP })
      .addTargets('Tasks', {
        port: CONTAINER_PORT,
        protocol: elbv2.Protocol.TCP,
        targets: [this.service],
        // The server answers 503 on its health path while draining, so no new request reaches it.
        healthCheck: {
          protocol: elbv2.Protocol.HTTP,
          path: HEALTH_PATH,
          interval: Duration.seconds(10),
          healthyThresholdCount: 2,
          unhealthyThresholdCount: 2,
        },
        deregistrationDelay: Duration.seconds(30),
      });
    this.vpcLink = new apigw.VpcLink(this, 'VpcLink', {
      targets: [this.loadBalancer],
      description: `charter ${context}: the REST API to the container service`,
    });
    this.target = {
      kind: 'vpc-link',
      connectionId: this.vpcLink.vpcLinkId,
      baseUrl: `http://${this.loadBalancer.loadBalancerDnsName}`,
    };
    this.scaling = new appscaling.ScalableTarget(this, 'Scaling', {
      serviceNamespace: appscaling.ServiceNamespace.ECS,
      scalableDimension: 'ecs:service:DesiredCount',
      resourceId: `service/${this.cluster.clusterName}/${this.service.serviceName}`,
      minCapacity: sizing.minTasks,
      maxCapacity: sizing.maxTasks,
    });
    this.scaling.scaleToTrackMetric('Cpu', {
      predefinedMetric: appscaling.PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION,
      targetValue: sizing.cpuTargetPercent,
      scaleOutCooldown: Duration.minutes(1),
      scaleInCooldown: Duration.minutes(5),
    });
    acknowledgeContainerService(this, { executionRole: task.executionRole, securityGroup });
  }

  /**
   * Tracks requests per running task: the API stage's request count over Container Insights'
   * running task count. A Network Load Balancer has no request metric of its own, and target
   * tracking on a total would not scale in proportion.
   * @example service.scaleOnRequests(api, 'prod', 6000)
   */
  scaleOnRequests(
    api: apigw.IRestApi & { restApiName: string },
    stageName: string,
    perTaskPerMinute: number,
  ) {
    const minute = 60;
    return new appscaling.CfnScalingPolicy(this, 'Requests', {
      policyName: `${Stack.of(this).stackName}-${this.node.id}-requests`.slice(0, 256),
      policyType: 'TargetTrackingScaling',
      scalingTargetId: this.scaling.scalableTargetId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: perTaskPerMinute,
        scaleOutCooldown: 60,
        scaleInCooldown: 300,
        customizedMetricSpecification: {
          metrics: [
            {
              id: 'requests',
              returnData: false,
              metricStat: {
                stat: 'Sum',
                metric: {
                  namespace: 'AWS/ApiGateway',
                  metricName: 'Count',
                  dimensions: [
                    { name: 'ApiName', value: api.restApiName },
                    { name: 'Stage', value: stageName },
                  ],
                },
              },
            },
            {
              id: 'tasks',
              returnData: false,
              metricStat: {
                stat: 'Average',
                metric: {
                  namespace: 'ECS/ContainerInsights',
                  metricName: 'RunningTaskCount',
                  dimensions: [
                    { name: 'ClusterName', value: this.cluster.clusterName },
                    { name: 'ServiceName', value: this.service.serviceName },
                  ],
                },
              },
            },
            {
              id: 'perTask',
              label: `requests per task per ${minute} s`,
              expression: 'requests / IF(tasks < 1, 1, tasks)',
              returnData: true,
            },
          ],
        },
      },
    });
  }

  /**
   * Connects the server to its context's database: `DATABASE_URL` and the credentials as ECS
   * secrets (read by the execution role when a task starts, never by the task's own role), the
   * proxy's port from the tasks, and new tasks only after the deploy's migrations.
   * @example service.useDatabase(database)
   */
  useDatabase(database: ContextDatabase): void {
    const container = this.service.taskDefinition.defaultContainer;
    const settings = database.containerSettings();
    for (const [name, value] of Object.entries(settings.environment)) container?.addEnvironment(name, value);
    for (const [name, secret] of Object.entries(settings.secrets)) container?.addSecret(name, secret);
    database.allowConnectionsFrom(this.service);
    this.service.node.addDependency(database.migrations);
  }

  private createVpc(retention: logs.RetentionDays): ec2.Vpc {
    return new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      flowLogs: {
        rejected: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(
            new logs.LogGroup(this, 'FlowLogs', { retention }),
          ),
          trafficType: ec2.FlowLogTrafficType.REJECT,
        },
      },
    });
  }
}
