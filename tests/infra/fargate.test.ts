/**
 * A context switched to `"runtime": "fargate"` (recommendations, as in the example project):
 * an arm64 Fargate service behind an internal Network Load Balancer, reached from the same REST
 * API through a VPC link, with the same validators, authorizers, gateway responses and tags as
 * its Lambda deployment; its Aurora Serverless v2 database behind an RDS Proxy, migrated on
 * deploy, with least-privilege access; the Lambda contexts are unchanged; cdk-nag runs on every synth.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharterApp, type CharterApp } from '../../infra/app/charter-app.ts';
import type { LoadedContext } from '../../infra/lib/config/load-contexts.ts';
import { ContainerCode } from '../../infra/lib/container/container-code.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import type { CharterConfig } from '../../platform/config/charter-config.ts';
import { exampleConfig, exampleContexts, outdir, ROOT, standInBundles } from './support/fixtures.ts';
import { contractFunctions, definitionOf, logicalId, resources, tagsOf } from './support/template.ts';

type Json = Record<string, unknown>;

/** The example project's config (recommendations on Fargate, with Aurora), or that context back on Lambda. */
function withRuntime(runtime: 'lambda' | 'fargate'): CharterConfig {
  const base = exampleConfig();
  if (runtime === 'fargate') return base;
  const { database: _database, ...recommendations } = base.contexts.recommendations;
  return { ...base, contexts: { ...base.contexts, recommendations: { ...recommendations, runtime } } };
}

/** What `charter bundle` writes for a Fargate context, enough for CDK to stage the image asset. */
function standInContainer(dir: string): string {
  mkdirSync(join(dir, 'recommendations'), { recursive: true });
  writeFileSync(join(dir, 'recommendations', 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(dir, 'recommendations', 'server.mjs'), '// stand-in\n');
  return dir;
}

describe('a context on Fargate', () => {
  let contexts: LoadedContext[];
  let fargate: CharterApp;
  let lambda: CharterApp;
  let container: Template;

  beforeAll(async () => {
    // GIVEN the example contexts, stand-in bundles and a stand-in container recipe
    contexts = await exampleContexts();
    const bundles = standInBundles(
      outdir('fargate-bundles'),
      contexts.map((c) => c.model),
      'per-operation',
    );
    const containerCode = ContainerCode.fromBundleDir(standInContainer(outdir('fargate-containers')));
    // WHEN the app is synthesized with recommendations on Fargate, and with every context on Lambda
    // (cdk-nag runs in both and would throw on an unacknowledged finding)
    const build = (runtime: 'lambda' | 'fargate') =>
      buildCharterApp({
        config: withRuntime(runtime),
        contexts,
        code: FunctionCode.fromBundleDir(bundles),
        containerCode,
        root: ROOT,
        appProps: { outdir: outdir(`app-${runtime}`) },
      });
    fargate = build('fargate');
    lambda = build('lambda');
    container = Template.fromStack(fargate.stacks.get('recommendations') as never);
  }, 120_000);

  it('runs an arm64 Fargate service that stops gracefully, logs, and starts from the container recipe', () => {
    container.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      Cpu: '512',
      Memory: '1024',
      ContainerDefinitions: [
        Match.objectLike({
          PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
          StopTimeout: 30,
          ReadonlyRootFilesystem: true,
          LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
          Environment: Match.arrayWith([
            { Name: 'NODE_ENV', Value: 'production' },
            { Name: 'PORT', Value: '8080' },
          ]),
        }),
      ],
    });
    container.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DesiredCount: 2,
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 100,
      }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
  });

  it('puts the service behind an internal Network Load Balancer, health-checked on /healthz, reached through a VPC link', () => {
    container.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'network',
      Scheme: 'internal',
    });
    container.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      Port: 8080,
      Protocol: 'TCP',
      TargetType: 'ip',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPath: '/healthz',
    });
    const nlb = logicalId(
      fargate.stacks.get('recommendations')?.contractApi.container?.loadBalancer as never,
    );
    container.hasResourceProperties('AWS::ApiGateway::VpcLink', { TargetArns: [{ Ref: nlb }] });
  });

  it('integrates every operation (http_proxy over the VPC link) with its path, request id and API key id mapped', () => {
    const api = fargate.stacks.get('recommendations')?.contractApi;
    const link = logicalId(api?.container?.vpcLink as never);
    const nlb = logicalId(api?.container?.loadBalancer as never);
    const model = contexts.find((c) => c.model.context === 'recommendations')?.model;
    const paths = definitionOf(container).paths;
    for (const op of model?.operations ?? []) {
      const integration = paths[op.path][op.method]['x-amazon-apigateway-integration'] as Json;
      expect(integration, op.operationId).toMatchObject({
        type: 'http_proxy',
        httpMethod: op.method.toUpperCase(),
        connectionType: 'VPC_LINK',
        connectionId: { Ref: link },
      });
      expect(JSON.stringify(integration.uri)).toContain(nlb);
      expect(JSON.stringify(integration.uri)).toContain(op.path);
      const mapped = integration.requestParameters as Record<string, string>;
      expect(mapped['integration.request.header.x-request-id']).toBe('context.requestId');
      for (const p of op.parameters.filter((p) => p.in === 'path'))
        expect(mapped[`integration.request.path.${p.name}`]).toBe(`method.request.path.${p.name}`);
      if (op.security.length > 0)
        expect(mapped['integration.request.header.x-charter-api-key-id']).toBe('context.identity.apiKeyId');
    }
    expect(Object.values(paths).flatMap(Object.keys)).toHaveLength(model?.operations.length ?? -1);
    expect(contractFunctions(container)).toHaveLength(0);
  });

  it('keeps the validators, authorizers, gateway responses and parameters of its Lambda deployment', () => {
    const onLambda = Template.fromStack(lambda.stacks.get('recommendations') as never);
    const strip = (definition: Json) =>
      JSON.parse(JSON.stringify(definition), (key, value) =>
        key === 'x-amazon-apigateway-integration' ? undefined : value,
      );
    expect(strip(definitionOf(container))).toEqual(strip(definitionOf(onLambda)));
  });

  it('scales between the configured bounds on CPU and on requests per task', () => {
    container.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2,
      MaxCapacity: 10,
      ScalableDimension: 'ecs:service:DesiredCount',
    });
    container.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: 60,
      }),
    });
    container.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 6000,
        CustomizedMetricSpecification: {
          Metrics: Match.arrayWith([
            Match.objectLike({ Id: 'requests', MetricStat: Match.objectLike({ Stat: 'Sum' }) }),
            Match.objectLike({ Id: 'perTask', ReturnData: true }),
          ]),
        },
      }),
    });
  });

  it("tags the service's resources with the context", () => {
    for (const type of ['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EC2::VPC'])
      for (const [, resource] of resources(container, type))
        expect(tagsOf(resource)['charter:context'], type).toBe('recommendations');
  });

  it('leaves the Lambda contexts exactly as they are', () => {
    for (const context of ['catalog', 'orders']) {
      const a = Template.fromStack(fargate.stacks.get(context) as never).toJSON();
      const b = Template.fromStack(lambda.stacks.get(context) as never).toJSON();
      expect(a, context).toEqual(b);
    }
  });
});

describe('a context with an Aurora Serverless v2 database', () => {
  let app: CharterApp;
  let template: Template;

  beforeAll(async () => {
    // GIVEN recommendations on Fargate with `"database": { "maxCapacity": 4 }`, as in the example project
    const contexts = await exampleContexts();
    // WHEN it is synthesized (cdk-nag included)
    app = buildCharterApp({
      config: exampleConfig(),
      contexts: contexts.filter((c) => c.model.context === 'recommendations'),
      code: FunctionCode.fromBundleDir(outdir('aurora-bundles')),
      containerCode: ContainerCode.fromBundleDir(standInContainer(outdir('aurora-containers'))),
      root: ROOT,
      appProps: { outdir: outdir('app-aurora') },
    });
    template = Template.fromStack(app.stacks.get('recommendations') as never);
  }, 120_000);

  it('creates an encrypted Aurora PostgreSQL cluster with serverless v2 capacity bounds from config', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
      StorageEncrypted: true,
      DeletionProtection: true,
      DatabaseName: 'recommendations',
    });
    template.hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceClass: 'db.serverless',
      PubliclyAccessible: false,
    });
  });

  it('keeps the credentials in a rotated Secrets Manager secret, used by an RDS Proxy that requires TLS', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 1);
    template.hasResourceProperties('AWS::RDS::DBProxy', {
      EngineFamily: 'POSTGRESQL',
      RequireTLS: true,
      Auth: [Match.objectLike({ AuthScheme: 'SECRETS' })],
    });
  });

  it('applies the migrations on deploy through a custom resource that changes when they do', () => {
    const [[, migrations]] = resources(template, 'Custom::CharterMigrations');
    expect(migrations.Properties).toMatchObject({ Context: 'recommendations' });
    expect(migrations.Properties.MigrationsHash).toMatch(/^[0-9a-f]{64}$/);
    const database = app.stacks.get('recommendations')?.contractApi.database;
    const fn = logicalId(database?.node.findChild('MigrationFunction') as never);
    expect(migrations.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [fn, 'Arn'] });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      VpcConfig: Match.anyValue(),
      Environment: {
        Variables: Match.objectLike({ CHARTER_CONTEXT: 'recommendations', DATABASE_NAME: 'recommendations' }),
      },
    });
    // New tasks start only after the migrations of their deploy.
    const [[, service]] = Object.entries(
      template.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>,
    ).filter(([, r]) => r.Type === 'AWS::ECS::Service');
    expect(service.DependsOn).toContain(logicalId(database?.migrations as never));
  });

  it('grants least privilege: the secret to the task execution role and the migration function only, the proxy port to their security groups only', () => {
    const secret = logicalId(
      app.stacks.get('recommendations')?.contractApi.database?.cluster.secret as never,
    );
    const readers = resources(template, 'AWS::IAM::Policy').filter(([, policy]) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes(`"Ref":"${secret}"`),
    );
    const roles = readers.flatMap(([, policy]) =>
      (policy.Properties.Roles as { Ref: string }[]).map((r) => r.Ref),
    );
    expect(roles.some((r) => r.includes('ContainerTaskExecutionRole'))).toBe(true);
    expect(roles.some((r) => r.includes('MigrationFunction'))).toBe(true);
    expect(roles.some((r) => r.includes('TaskTaskRole'))).toBe(false);
    for (const [, policy] of readers) {
      const statements = (
        policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }
      ).Statement;
      for (const statement of statements.filter((s) => JSON.stringify(s.Resource).includes(secret)))
        expect(
          [statement.Action]
            .flat()
            .every(
              (a) =>
                a.startsWith('secretsmanager:Get') ||
                a.startsWith('secretsmanager:Describe') ||
                a.startsWith('kms:'),
            ),
        ).toBe(true);
    }
    const database = app.stacks.get('recommendations')?.contractApi.database;
    const sourcesInto = (group: string) =>
      resources(template, 'AWS::EC2::SecurityGroupIngress')
        .filter(([, r]) => JSON.stringify(r.Properties.GroupId).includes(group))
        .map(([, r]) => JSON.stringify(r.Properties.SourceSecurityGroupId ?? r.Properties.CidrIp));
    // The proxy from the tasks and the migration function; the cluster from the proxy and the rotation function.
    const proxy = sourcesInto('ProxyProxySecurityGroup');
    expect(proxy).toHaveLength(2);
    expect(proxy.join()).toMatch(
      /ContainerTaskSecurityGroup.*MigrationFunctionSecurityGroup|MigrationFunctionSecurityGroup.*ContainerTaskSecurityGroup/,
    );
    const cluster = sourcesInto('DatabaseClusterSecurityGroup');
    expect(cluster).toHaveLength(2);
    expect(cluster.join()).toContain('ProxySecurityGroup');
    expect(cluster.join()).toContain('RotationSingleUserSecurityGroup');
    expect(database?.proxy).toBeDefined();
  });

  it('hands the container its DATABASE_URL (the proxy, TLS verified) and its credentials as ECS secrets', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [
        Match.objectLike({
          Environment: Match.arrayWith([
            Match.objectLike({ Name: 'DATABASE_URL' }),
            { Name: 'CHARTER_MIGRATE', Value: 'skip' },
          ]),
          Secrets: Match.arrayWith([
            Match.objectLike({ Name: 'PGUSER' }),
            Match.objectLike({ Name: 'PGPASSWORD' }),
          ]),
        }),
      ],
    });
  });
});
