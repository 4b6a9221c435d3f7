/**
 * A large real-world contract, Stripe's (468 operations), deployed as a mock-handler context
 * with one function per operation. About a dozen resources per function would put ~5,000
 * resources in one stack (CloudFormation allows 500): the construct spreads the functions over
 * nested stacks, and when forced into one stack it fails with what to change. Both are shown.
 * Needs ../shared/corpus (present in CI; absent from a user's clone, where this is skipped).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { SchemeAuthorizer } from '../../infra/lib/auth/scheme-authorizer.ts';
import type { ContractApiProps } from '../../infra/lib/contract-api/contract-api-props.ts';
import { ContractStack } from '../../infra/lib/contract-stack.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import { checkResourceLimits, LIMITS } from '../../infra/lib/limits/resource-limits.ts';
import type { ContractModel } from '../../platform/codegen/model/model.ts';
import { loadContract } from '../../platform/gateway/served-contexts.ts';
import { outdir, ROOT } from './support/fixtures.ts';
import { contractFunctions, definitionOf, resources } from './support/template.ts';

const SPEC = resolve('../shared/corpus/specs/stripe-spec3.yaml');
const present = existsSync(SPEC);
if (!present)
  console.warn(`Stripe deploy test skipped: ${SPEC} is absent (it ships with CI, not with a clone)`);

/** The longest alias ARN a role may have to list: partition, region and a 64-character name. */
const WORST_ALIAS_ARN =
  'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:'.length + 64 + ':live'.length;
const IAM_INLINE_POLICY_LIMIT = 10_240;
const TEMPLATE_BODY_LIMIT = 1_000_000;

let model: ContractModel;

/** Stripe's every operation accepts its secret key as basic or bearer: one Lambda authorizer checks both. */
function stripeProps(stack: Stack, extra: Partial<ContractApiProps> = {}): ContractApiProps {
  const keys = SchemeAuthorizer.lambda(
    lambda.Function.fromFunctionArn(
      stack,
      'KeyAuthorizer',
      'arn:aws:lambda:eu-west-1:111122223333:function:stripe-keys',
    ),
  );
  const mock = join(outdir('stripe-mock'), 'handler');
  mkdirSync(mock, { recursive: true });
  writeFileSync(
    join(mock, 'index.mjs'),
    'export const handler = async () => ({ statusCode: 501, body: "" });\n',
  );
  return {
    contract: model,
    code: FunctionCode.shared(mock),
    authorizers: { basicAuth: keys, bearerAuth: keys },
    ...extra,
  };
}

describe.skipIf(!present)('a large corpus contract: Stripe as a mock-handler context', () => {
  let out: string;
  let stack: ContractStack;
  let nested: Stack[];
  const templates = new Map<Stack, Template>();
  const templateOf = (s: Stack) =>
    templates.get(s) ?? (templates.set(s, Template.fromStack(s)).get(s) as Template);

  beforeAll(async () => {
    // GIVEN Stripe's contract, one function per operation, cdk-nag on
    ({ model } = await loadContract(ROOT, { name: 'stripe', contractFile: SPEC }));
    out = outdir('stripe');
    const app = new App({ outdir: out });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    stack = new ContractStack(app, 'charter-stripe', { api: (s) => stripeProps(s) });
    // WHEN it is synthesized
    app.synth();
    nested = stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
  }, 300_000);

  it('deploys one function per operation, spread over nested stacks', () => {
    expect(model.operations).toHaveLength(468);
    expect(stack.contractApi.functions.size).toBe(468);
    expect(nested).toHaveLength(32);
    const deployed = nested.reduce((sum, n) => sum + contractFunctions(templateOf(n)).length, 0);
    expect(deployed).toBe(468);
    expect(contractFunctions(templateOf(stack))).toHaveLength(0);
  });

  it('integrates every operation with its own function', () => {
    const paths = definitionOf(templateOf(stack)).paths;
    const uris = Object.values(paths).flatMap((item) =>
      Object.values(item).map((op) =>
        JSON.stringify((op['x-amazon-apigateway-integration'] as { uri: unknown }).uri),
      ),
    );
    expect(uris).toHaveLength(468);
    expect(new Set(uris).size).toBe(468);
  });

  it('keeps every template within CloudFormation limits', () => {
    for (const s of [stack, ...nested]) {
      const template = templateOf(s).toJSON();
      const name = s.node.path;
      expect(Object.keys(template.Resources).length, name).toBeLessThan(LIMITS.resources);
      expect(Object.keys(template.Outputs ?? {}).length, name).toBeLessThanOrEqual(LIMITS.outputs);
      expect(Object.keys(template.Parameters ?? {}).length, name).toBeLessThanOrEqual(LIMITS.parameters);
    }
    const files = readdirSync(out).filter((f) => f.endsWith('.template.json'));
    expect(files.length).toBe(33);
    for (const file of files) expect(statSync(join(out, file)).size, file).toBeLessThan(TEMPLATE_BODY_LIMIT);
  });

  it('keeps policies within IAM and Lambda limits however many operations there are', () => {
    for (const s of [stack, ...nested]) {
      const template = templateOf(s);
      // API Gateway invokes through roles: no function's resource policy grows per operation.
      expect(resources(template, 'AWS::Lambda::Permission')).toHaveLength(0);
      for (const [id, role] of resources(template, 'AWS::IAM::Role').filter(([id]) =>
        id.includes('InvokeRole'),
      )) {
        const policies = role.Properties.Policies as {
          PolicyDocument: { Statement: { Resource: unknown[] }[] };
        }[];
        const arns = policies[0].PolicyDocument.Statement[0].Resource.length;
        expect(arns * (WORST_ALIAS_ARN + 3) + 200, id).toBeLessThan(IAM_INLINE_POLICY_LIMIT);
      }
    }
  });

  it('fails with what to change when all functions are forced into one stack', () => {
    // GIVEN the same contract with nested stacks turned off
    const app = new App({ outdir: outdir('stripe-one-stack') });
    // WHEN the stack is built THEN the construct refuses before creating anything
    expect(
      () => new ContractStack(app, 'charter-stripe', { api: (s) => stripeProps(s, { functionStacks: 0 }) }),
    ).toThrow(
      'stripe: 468 functions need about 5208 resources in one stack; CloudFormation allows 500. Leave functionStacks unset (charter then spreads them over 32 nested stacks), set it to 32 or more, or put operations together with x-charter-function',
    );
  });

  it('checks the limits again after synthesis, for anything the estimate misses', () => {
    // GIVEN a stack whose functions were forced in after validation (the estimate bypassed)
    const app = new App({ outdir: outdir('stripe-check') });
    const small = new Stack(app, 'charter-small');
    for (let i = 0; i < 501; i++)
      new lambda.CfnPermission(small, `P${i}`, {
        action: 'lambda:InvokeFunction',
        functionName: 'f',
        principal: '111122223333',
      });
    checkResourceLimits(small, [small]);
    // WHEN it is synthesized THEN the check names the stack, the count and the fix
    expect(() => app.synth()).toThrow(
      /charter-small has 501 resources; CloudFormation allows 500 per template/,
    );
  });
});
