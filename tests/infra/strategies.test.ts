/**
 * The example contexts (catalog, orders, recommendations) synthesized with each function
 * strategy, through the same app `npm run synth` builds, cdk-nag included: the functions, their
 * integrations, authorizers, validators, gateway responses, aliases and deployment groups, tags
 * and WAF.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharterApp } from '../../infra/app/charter-app.ts';
import type { LoadedContext } from '../../infra/lib/config/load-contexts.ts';
import type { ContractStack } from '../../infra/lib/contract-stack.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import { type PlannedFunction, planFunctions } from '../../platform/bundle/plan-functions.ts';
import type { ContractModel } from '../../platform/codegen/model/model.ts';
import type { FunctionStrategy } from '../../platform/config/charter-config.ts';
import { DEFAULT_DEPLOY } from '../../platform/config/deploy-config.ts';
import { exampleContexts, exampleLambdaConfig, outdir, standInBundles } from './support/fixtures.ts';
import { contractFunctions, definitionOf, logicalId, resources, tagsOf } from './support/template.ts';

type Json = Record<string, unknown>;
const USER_POOL = 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_Example1';

/** `x-charter-function` as a contract would write it: on operations (orders, catalog) and on a tag (recommendations). */
function grouped(model: ContractModel): ContractModel {
  const groups: Record<string, string> = {
    getOrder: 'order-reads',
    listMyOrders: 'order-reads',
    placeOrder: 'order-writes',
    cancelOrder: 'order-writes',
    listProducts: 'catalog-reads',
    getProduct: 'catalog-reads',
    createProduct: 'catalog-writes',
    updateProduct: 'catalog-writes',
  };
  return {
    ...model,
    bundled: { ...model.bundled, tags: [{ name: 'recommendations', 'x-charter-function': 'recommender' }] },
    operations: model.operations.map((op) => ({ ...op, functionName: groups[op.operationId] })),
  };
}

const cases: [FunctionStrategy, { functions: Record<string, number>; auth: 'cognito' | 'jwt' }][] = [
  ['per-operation', { functions: { catalog: 4, orders: 4, recommendations: 2 }, auth: 'cognito' }],
  ['per-context', { functions: { catalog: 1, orders: 1, recommendations: 1 }, auth: 'jwt' }],
  ['groups', { functions: { catalog: 2, orders: 2, recommendations: 1 }, auth: 'jwt' }],
];

describe.each(cases)('strategy %s on the example contexts', (strategy, expected) => {
  let contexts: LoadedContext[];
  let stacks: ReadonlyMap<string, ContractStack>;
  const templates = new Map<string, Template>();
  const plans = new Map<string, PlannedFunction[]>();

  beforeAll(async () => {
    // GIVEN the example contracts, bundles for the strategy and the project's config
    contexts = (await exampleContexts()).map((c) =>
      strategy === 'groups' ? { ...c, model: grouped(c.model) } : c,
    );
    const base = exampleLambdaConfig();
    const config = {
      ...base,
      functions: { ...base.functions, strategy },
      deploy:
        expected.auth === 'cognito'
          ? { ...base.deploy, auth: { bearerAuth: { cognito: { userPoolArn: USER_POOL } } } }
          : base.deploy,
    };
    const bundles = standInBundles(
      outdir('bundles'),
      contexts.map((c) => c.model),
      strategy,
    );
    // WHEN the app is synthesized (cdk-nag runs and would throw on an unacknowledged finding)
    ({ stacks } = buildCharterApp({
      config,
      contexts,
      code: FunctionCode.fromBundleDir(bundles),
      appProps: { outdir: outdir(strategy) },
    }));
    for (const { model } of contexts) {
      templates.set(model.context, Template.fromStack(stacks.get(model.context) as ContractStack));
      plans.set(model.context, planFunctions(model, strategy));
    }
  }, 120_000);

  const each = (fn: (context: string, model: ContractModel, template: Template) => void) => () => {
    for (const { model } of contexts) fn(model.context, model, templates.get(model.context) as Template);
  };

  it(
    'deploys the number of functions the strategy plans',
    each((context, _model, template) => {
      expect(contractFunctions(template), context).toHaveLength(expected.functions[context]);
      // Plus charter's JWT authorizer where a bearer scheme is checked by JWT.
      const authorizers = expected.auth === 'jwt' && context !== 'recommendations' ? 1 : 0;
      template.resourcePropertiesCountIs(
        'AWS::Lambda::Function',
        { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
        expected.functions[context] + authorizers,
      );
    }),
  );

  it(
    "integrates every operation (aws_proxy) with its function's live alias",
    each((context, model, template) => {
      const paths = definitionOf(template).paths;
      const api = (stacks.get(context) as ContractStack).contractApi;
      for (const fn of plans.get(context) as PlannedFunction[]) {
        const alias = logicalId(api.functions.get(fn.name)?.alias as never);
        for (const op of fn.operations) {
          const integration = paths[op.path][op.method]['x-amazon-apigateway-integration'] as Json;
          expect(integration, op.operationId).toMatchObject({ type: 'aws_proxy', httpMethod: 'POST' });
          expect(JSON.stringify(integration.uri), op.operationId).toContain(`{"Ref":"${alias}"}`);
        }
      }
      expect(Object.values(paths).flatMap(Object.keys)).toHaveLength(model.operations.length);
    }),
  );

  it(
    'puts every secured operation behind its authorizer, with its scopes where the gateway checks them',
    each((context, model, template) => {
      const definition = definitionOf(template);
      const schemes = (definition.components as Json).securitySchemes as Record<string, Json>;
      for (const op of model.operations) {
        const security = definition.paths[op.path][op.method].security as Json[] | undefined;
        const required = op.security.flatMap((r) => Object.entries(r));
        if (required.length === 0) {
          expect(security, op.operationId).toBeUndefined();
          continue;
        }
        if (context === 'recommendations') {
          expect(security, op.operationId).toEqual([{ api_key: [] }]);
          continue;
        }
        const scopes = required.flatMap(([, s]) => s);
        expect(security, op.operationId).toEqual([{ bearerAuth: expected.auth === 'cognito' ? scopes : [] }]);
      }
      if (context === 'recommendations') {
        expect(definition['x-amazon-apigateway-api-key-source']).toBe('HEADER');
        template.resourceCountIs('AWS::ApiGateway::UsagePlan', 1);
        template.resourceCountIs('AWS::ApiGateway::ApiKey', 1);
      } else {
        const authorizer = schemes.bearerAuth['x-amazon-apigateway-authorizer'] as Json;
        expect(authorizer.type).toBe(expected.auth === 'cognito' ? 'cognito_user_pools' : 'token');
        if (expected.auth === 'cognito') expect(authorizer.providerARNs).toEqual([USER_POOL]);
        else expect(JSON.stringify(authorizer.authorizerCredentials)).toMatch(/AuthorizersbearerAuthInvoke/);
      }
    }),
  );

  it(
    'declares request validators and draft-4 models for what the gateway can check',
    each((context, _model, template) => {
      const definition = definitionOf(template);
      expect(Object.keys(definition['x-amazon-apigateway-request-validators'] as Json)).toEqual([
        'all',
        'params',
        'body',
      ]);
      const models = Object.keys((definition.components as Json).schemas as Json).sort();
      const want: Record<string, string[]> = {
        catalog: ['CreateProductBody', 'UpdateProductBody'],
        orders: ['PlaceOrderBody'],
        recommendations: [],
      };
      expect(models, context).toEqual(want[context]);
      for (const item of Object.values(definition.paths))
        for (const op of Object.values(item)) expect(op['x-charter-validation']).toHaveProperty('lambdaOnly');
    }),
  );

  it(
    'answers gateway errors in problem+json',
    each((_context, _model, template) => {
      const responses = definitionOf(template)['x-amazon-apigateway-gateway-responses'] as Record<
        string,
        Json
      >;
      for (const type of [
        'BAD_REQUEST_BODY',
        'BAD_REQUEST_PARAMETERS',
        'UNAUTHORIZED',
        'ACCESS_DENIED',
        'REQUEST_TOO_LARGE',
        'THROTTLED',
        'DEFAULT_5XX',
      ])
        expect((responses[type].responseParameters as Json)['gatewayresponse.header.Content-Type']).toBe(
          "'application/problem+json'",
        );
    }),
  );

  it(
    'publishes every function behind a live alias, shifted by CodeDeploy with rollback on 5xx rate and p99 alarms',
    each((context, _model, template) => {
      const count = expected.functions[context];
      template.resourcePropertiesCountIs('AWS::Lambda::Alias', { Name: 'live' }, count);
      template.resourceCountIs('AWS::Lambda::Version', count);
      const groups = resources(template, 'AWS::CodeDeploy::DeploymentGroup');
      expect(groups).toHaveLength(count);
      for (const [, group] of groups) {
        expect(group.Properties.DeploymentConfigName).toBe('CodeDeployDefault.LambdaCanary10Percent5Minutes');
        expect((group.Properties.AlarmConfiguration as { Alarms: unknown[] }).Alarms).toHaveLength(2);
        expect(group.Properties.AutoRollbackConfiguration).toMatchObject({
          Enabled: true,
          Events: expect.arrayContaining(['DEPLOYMENT_STOP_ON_ALARM']),
        });
      }
      const alarms = resources(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
      expect(alarms.filter((a) => a.ExtendedStatistic === 'p99')).toHaveLength(count);
      expect(
        alarms.filter((a) => JSON.stringify(a.Metrics ?? '').includes('100 * errors / requests')),
      ).toHaveLength(count);
    }),
  );

  it(
    'tags every function with charter:context, charter:function and charter:operation',
    each((context, _model, template) => {
      const plan = plans.get(context) as PlannedFunction[];
      for (const [id, fn] of contractFunctions(template)) {
        const tags = tagsOf(fn);
        const planned = plan.find((p) => p.name === tags['charter:function']);
        expect(planned, id).toBeDefined();
        expect(tags['charter:context']).toBe(context);
        expect(tags['charter:operation']).toBe(planned?.operations.map((op) => op.operationId).join(' '));
      }
      for (const [id, resource] of Object.entries(
        template.toJSON().Resources as Record<string, { Properties?: Json }>,
      ))
        if (resource.Properties?.Tags) expect(tagsOf(resource as never)['charter:context'], id).toBe(context);
    }),
  );

  it(
    'associates a WAF web ACL with every stage',
    each((_context, _model, template) => {
      const [[stageId]] = resources(template, 'AWS::ApiGateway::Stage');
      const [[aclId, acl]] = resources(template, 'AWS::WAFv2::WebACL');
      const [[, association]] = resources(template, 'AWS::WAFv2::WebACLAssociation');
      expect(association.Properties.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
      expect(JSON.stringify(association.Properties.ResourceArn)).toContain(`{"Ref":"${stageId}"}`);
      const rules = acl.Properties.Rules as Json[];
      expect(rules.map((r) => r.Name)).toEqual([
        'RateLimitPerIp',
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
      ]);
      expect(JSON.stringify(rules[0])).toContain(
        `"Limit":${(DEFAULT_DEPLOY.waf as { rateLimitPer5Minutes: number }).rateLimitPer5Minutes}`,
      );
      // Bodies up to API Gateway's 10 MB limit pass; the managed 8 KB body rule only counts.
      expect(rules[1].Statement).toMatchObject({
        ManagedRuleGroupStatement: {
          RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
        },
      });
    }),
  );
});
