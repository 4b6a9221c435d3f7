/**
 * Deploy settings beyond the defaults, through charter.config.json: a custom domain with a base
 * path mapping per context (and major versions side by side), other contexts' base URLs,
 * cross-account invoke grants, traffic shifting, WAF opt-out with its reason, sizing, stage
 * throttling, access logs and tracing; and cdk-nag, live and acknowledged with reasons.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharterApp, type CharterApp } from '../../infra/app/charter-app.ts';
import { SchemeAuthorizer } from '../../infra/lib/auth/scheme-authorizer.ts';
import type { LoadedContext } from '../../infra/lib/config/load-contexts.ts';
import { ContractStack } from '../../infra/lib/contract-stack.ts';
import { ApiDomain } from '../../infra/lib/domain/api-domain.ts';
import { DeploymentPreference } from '../../infra/lib/functions/deployment-preference.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import type { CharterConfig } from '../../platform/config/charter-config.ts';
import { mergeDeploy } from '../../platform/config/deploy-config.ts';
import { exampleContexts, exampleLambdaConfig, outdir, standInBundles } from './support/fixtures.ts';
import { contractFunctions, resources, tagsOf } from './support/template.ts';

type Json = Record<string, unknown>;
const CERTIFICATE = 'arn:aws:acm:eu-west-1:111122223333:certificate/0d1c2b3a-4f5e-6d7c-8b9a-0a1b2c3d4e5f';
const PARTNER = '444455556666';

let contexts: LoadedContext[];
let bundles: string;
let built: CharterApp;
const template = (context: string) => Template.fromStack(built.stacks.get(context) as Stack);

beforeAll(async () => {
  // GIVEN the example contexts and a config that sets every deploy option
  contexts = await exampleContexts();
  bundles = standInBundles(
    outdir('bundles'),
    contexts.map((c) => c.model),
    'per-operation',
  );
  const base = exampleLambdaConfig();
  const config: CharterConfig = {
    ...base,
    deploy: mergeDeploy(base.deploy, {
      domain: {
        name: 'api.shop.example',
        certificateArn: CERTIFICATE,
        hostedZoneId: 'Z0123456789ABC',
        hostedZoneName: 'shop.example',
      },
      stage: { rateLimit: 250, burstLimit: 500 },
      deployment: { preference: 'linear', percent: 25, minutes: 2 },
    }),
    contexts: {
      ...base.contexts,
      orders: { operations: { placeOrder: { memoryMb: 1024 } }, deploy: { invokerAccountIds: [PARTNER] } },
      recommendations: {
        ...base.contexts.recommendations,
        deploy: {
          waf: { enabled: false, reason: 'served only to the storefront through a private VPC endpoint' },
        },
      },
    },
  };
  // WHEN the app is synthesized
  built = buildCharterApp({
    config,
    contexts,
    code: FunctionCode.fromBundleDir(bundles),
    appProps: { outdir: outdir('options') },
  });
}, 120_000);

describe('custom domain', () => {
  it('serves every context under one domain, a base path mapping each', () => {
    const domain = Template.fromStack(built.domainStack as Stack);
    domain.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.shop.example',
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      RegionalCertificateArn: CERTIFICATE,
    });
    domain.resourceCountIs('AWS::Route53::RecordSet', 1);
    for (const { model } of contexts) {
      template(model.context).hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
        BasePath: model.context,
      });
      expect(built.stacks.get(model.context)?.dependencies).toContain(built.domainStack);
    }
  });

  it("gives functions the other contexts' base URLs for SDK calls", () => {
    for (const [, fn] of contractFunctions(template('orders'))) {
      const env = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
      expect(env).toMatchObject({
        CHARTER_URL_CATALOG: 'https://api.shop.example/catalog',
        CHARTER_URL_RECOMMENDATIONS: 'https://api.shop.example/recommendations',
      });
      expect(env.CHARTER_URL_ORDERS).toBeUndefined();
    }
  });

  it('runs major contract versions side by side under /<ctx>/v<n>', () => {
    const app = new App({ outdir: outdir('versions') });
    const shared = new Stack(app, 'domain');
    const domain = ApiDomain.fromCertificateArn(shared, 'Domain', {
      domainName: 'api.shop.example',
      certificateArn: CERTIFICATE,
    });
    const orders = contexts.find((c) => c.model.context === 'orders') as LoadedContext;
    const authorizers = {
      bearerAuth: SchemeAuthorizer.jwt({ issuer: 'https://id.shop.example/', audience: ['shop'] }),
    };
    const stacks = [1, 2].map(
      (major) =>
        new ContractStack(app, `orders-v${major}`, {
          api: {
            contract: orders.model,
            code: FunctionCode.fromBundleDir(bundles),
            authorizers,
            majorVersion: major,
            domain: { domain: domain.domainName },
          },
        }),
    );
    stacks.forEach((stack, i) => {
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: `orders/v${i + 1}` });
      t.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: `orders-v${i + 1}` });
    });
  });
});

describe('functions', () => {
  it('grants exactly the configured accounts invoke rights, and nothing else a resource policy', () => {
    const orders = template('orders');
    const permissions = resources(orders, 'AWS::Lambda::Permission');
    expect(permissions).toHaveLength(4);
    for (const [, permission] of permissions) {
      expect(permission.Properties).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: PARTNER });
      expect(JSON.stringify(permission.Properties.FunctionName)).toMatch(/Live/);
    }
    // API Gateway invokes through a role, so no function gets a statement per operation.
    expect(resources(template('catalog'), 'AWS::Lambda::Permission')).toHaveLength(0);
    const [[, invokeRole]] = resources(orders, 'AWS::IAM::Role').filter(([id]) => id.includes('InvokeRole'));
    const statement = ((invokeRole.Properties.Policies as Json[])[0].PolicyDocument as { Statement: Json[] })
      .Statement[0];
    expect(statement.Action).toBe('lambda:InvokeFunction');
    expect(statement.Resource).toHaveLength(4);
  });

  it('sizes functions from the operation settings and the context defaults', () => {
    const memory = (t: Template, name: string) =>
      contractFunctions(t).find(([, f]) => tagsOf(f)['charter:function'] === name)?.[1].Properties;
    expect(memory(template('orders'), 'place-order')).toMatchObject({ MemorySize: 1024, Timeout: 10 });
    expect(memory(template('orders'), 'get-order')).toMatchObject({ MemorySize: 512, Timeout: 10 });
    expect(memory(template('recommendations'), 'get-user-recommendations')).toMatchObject({ Timeout: 5 });
  });

  it('shifts traffic with the configured preference', () => {
    const orders = template('orders');
    orders.hasResourceProperties('AWS::CodeDeploy::DeploymentConfig', {
      ComputePlatform: 'Lambda',
      TrafficRoutingConfig: {
        Type: 'TimeBasedLinear',
        TimeBasedLinear: { LinearInterval: 2, LinearPercentage: 25 },
      },
    });
    for (const [, group] of resources(orders, 'AWS::CodeDeploy::DeploymentGroup'))
      expect(JSON.stringify(group.Properties.DeploymentConfigName)).toMatch(/DeploymentConfiglinear25x2/);
  });
});

describe('contract extensions', () => {
  it('sizes a function from x-charter-timeout-seconds and checks with the Lambda authorizer x-charter-authorizer names', () => {
    // GIVEN orders with a slow operation and its bearer scheme naming the shop's own authorizer
    const orders = contexts.find((c) => c.model.context === 'orders') as LoadedContext;
    const bundled = structuredClone(orders.model.bundled) as {
      paths: Record<string, Record<string, Json>>;
      components: { securitySchemes: Record<string, Json> };
    };
    bundled.paths['/orders/{orderId}'].get['x-charter-timeout-seconds'] = 20;
    bundled.components.securitySchemes.bearerAuth['x-charter-authorizer'] = 'shop-tokens';
    const base = exampleLambdaConfig();
    const functionArn = 'arn:aws:lambda:eu-west-1:111122223333:function:shop-tokens';
    const config = {
      ...base,
      deploy: { ...base.deploy, auth: {}, authorizers: { 'shop-tokens': { functionArn } } },
    };
    // WHEN it is synthesized
    const { stacks } = buildCharterApp({
      config,
      contexts: [{ ...orders, model: { ...orders.model, bundled } }],
      code: FunctionCode.fromBundleDir(bundles),
      appProps: { outdir: outdir('extensions') },
    });
    const t = Template.fromStack(stacks.get('orders') as Stack);
    // THEN the function is sized and the scheme checked as the contract says
    const getOrder = contractFunctions(t).find(([, f]) => tagsOf(f)['charter:function'] === 'get-order')?.[1];
    expect(getOrder?.Properties.Timeout).toBe(20);
    const [[, api]] = resources(t, 'AWS::ApiGateway::RestApi');
    const scheme = ((api.Properties.Body as Json).components as { securitySchemes: Record<string, Json> })
      .securitySchemes.bearerAuth;
    expect(scheme['x-amazon-apigateway-authtype']).toBe('custom');
    expect(scheme['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'request',
      identitySource: 'method.request.header.Authorization',
    });
    expect(JSON.stringify(scheme)).toContain(functionArn);
  });
});

describe('traffic shifting', () => {
  it.each([
    [DeploymentPreference.canary(10, 5), 'CodeDeployDefault.LambdaCanary10Percent5Minutes'],
    [DeploymentPreference.linear(10, 1), 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute'],
    [DeploymentPreference.allAtOnce(), 'CodeDeployDefault.LambdaAllAtOnce'],
  ])('%s uses the predefined config', (preference, name) => {
    expect(preference.bind(new Stack()).deploymentConfigName).toBe(name);
  });

  it('refuses a percentage CodeDeploy cannot shift', () => {
    expect(() => DeploymentPreference.canary(100, 5)).toThrow(
      'DeploymentPreference.canary: percent 100 must be a whole number from 1 to 99',
    );
  });
});

describe('stage', () => {
  it('throttles, traces and writes JSON access logs', () => {
    const stage = resources(template('catalog'), 'AWS::ApiGateway::Stage')[0][1].Properties;
    expect(stage.TracingEnabled).toBe(true);
    expect(stage.MethodSettings).toEqual([
      expect.objectContaining({
        HttpMethod: '*',
        ResourcePath: '/*',
        ThrottlingRateLimit: 250,
        ThrottlingBurstLimit: 500,
      }),
    ]);
    const format = JSON.parse((stage.AccessLogSetting as { Format: string }).Format);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
      wafResponseCode: '$context.wafResponseCode',
    });
  });

  it('leaves WAF off where the config says why', () => {
    const recommendations = template('recommendations');
    recommendations.resourceCountIs('AWS::WAFv2::WebACL', 0);
    const stage = built.stacks.get('recommendations')?.contractApi.api.deploymentStage;
    expect(acknowledgements(stage as never)['AwsSolutions::AwsSolutions-APIG3']).toBe(
      'WAF is turned off in charter.config.json: served only to the storefront through a private VPC endpoint',
    );
    template('orders').resourceCountIs('AWS::WAFv2::WebACL', 1);
  });
});

describe('cdk-nag', () => {
  it('acknowledges each accepted finding with a written reason', () => {
    const all = built.app.node.findAll().flatMap((c) => Object.entries(acknowledgements(c)));
    const ids = [...new Set(all.map(([id]) => id))].sort();
    expect(ids).toEqual([
      'AwsSolutions::AwsSolutions-APIG2',
      'AwsSolutions::AwsSolutions-APIG3',
      'AwsSolutions::AwsSolutions-APIG6',
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions::AwsSolutions-L1',
    ]);
    for (const [id, reason] of all) expect(reason.length, id).toBeGreaterThan(40);
  });

  it('fails synthesis on a finding nobody acknowledged', () => {
    // GIVEN a stack with a role using an AWS-managed policy and no acknowledgement
    const app = new App({ outdir: outdir('nag') });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, 'Unacknowledged');
    new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess')],
    });
    // WHEN it is synthesized THEN cdk-nag stops it
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM4/);
  });
});

/** What `Validations.of(construct).acknowledge` recorded on one construct. */
function acknowledgements(construct: { node: App['node'] }): Record<string, string> {
  return Object.assign(
    {},
    ...construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((entry) => entry.data as Record<string, string>),
  );
}
