/**
 * Invalid deploy settings fail early (before anything is created or synthesized) with the JSON
 * pointer or contract location, the value received and what to do, every problem at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SchemeAuthorizer } from '../../infra/lib/auth/scheme-authorizer.ts';
import type { LoadedContext } from '../../infra/lib/config/load-contexts.ts';
import { ContractApi } from '../../infra/lib/contract-api/contract-api.ts';
import type { ContractApiProps } from '../../infra/lib/contract-api/contract-api-props.ts';
import { ContractApiError } from '../../infra/lib/contract-api/validate-props.ts';
import { ContractStack } from '../../infra/lib/contract-stack.ts';
import { FunctionCode } from '../../infra/lib/functions/function-code.ts';
import { Firewall } from '../../infra/lib/waf/firewall.ts';
import type { ContractModel } from '../../platform/codegen/model/model.ts';
import { type CharterConfig, ConfigError, loadConfig } from '../../platform/config/charter-config.ts';
import { exampleConfig, exampleContexts, outdir, standInBundles } from './support/fixtures.ts';

let orders: LoadedContext;
let bundles: string;
beforeAll(async () => {
  orders = (await exampleContexts()).find((c) => c.model.context === 'orders') as LoadedContext;
  bundles = standInBundles(outdir('bundles'), [orders.model], 'per-operation');
});

/** The problems a ContractApi reports for these props (none when it constructs). */
function problemsOf(props: Partial<ContractApiProps>): string[] {
  const stack = new Stack(new App(), 'Test');
  try {
    new ContractApi(stack, 'Api', {
      contract: orders.model,
      code: FunctionCode.fromBundleDir(bundles),
      authorizers: {
        bearerAuth: SchemeAuthorizer.jwt({ issuer: 'https://id.shop.example/', audience: ['shop'] }),
      },
      ...props,
    } as ContractApiProps);
    return [];
  } catch (error) {
    if (!(error instanceof ContractApiError)) throw error;
    return [...error.problems];
  }
}

function problemsFromConfig(
  config: CharterConfig,
  context: LoadedContext = orders,
  code = FunctionCode.fromBundleDir(bundles),
): string[] {
  try {
    ContractStack.fromCharterConfig(new App(), 'charter-orders', { config, context, code });
    return [];
  } catch (error) {
    if (!(error instanceof ContractApiError)) throw error;
    return [...error.problems];
  }
}

/** The problems of a charter.config.json with this content. */
function configProblems(content: unknown): string[] {
  const root = mkdtempSync(join(tmpdir(), 'charter-config-'));
  try {
    writeFileSync(join(root, 'charter.config.json'), JSON.stringify(content));
    loadConfig(root);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [...error.problems];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('ContractApi validation', () => {
  it('accepts the example config as it is', () => {
    expect(problemsFromConfig(exampleConfig())).toEqual([]);
  });

  it('fails if the config sizes a function group the plan does not have', () => {
    // GIVEN operations grouped by x-charter-function and a config naming a misspelt group
    const model: ContractModel = {
      ...orders.model,
      operations: orders.model.operations.map((op) => ({
        ...op,
        functionName: op.method === 'get' ? 'order-reads' : 'order-writes',
      })),
    };
    const base = exampleConfig();
    const config = {
      ...base,
      functions: { ...base.functions, strategy: 'groups' as const },
      contexts: { orders: { functions: { 'order-readz': { memoryMb: 1024 } } } },
    };
    const grouped = standInBundles(outdir('grouped'), [model], 'groups');
    // WHEN the stack is built THEN it names the pointer and the groups that exist
    expect(problemsFromConfig(config, { ...orders, model }, FunctionCode.fromBundleDir(grouped))).toEqual([
      '/contexts/orders/functions/order-readz: no function (group) "order-readz" in orders; its functions are order-reads, order-writes (name groups with x-charter-function and strategy "groups")',
    ]);
  });

  it('fails if the config sizes an operation the contract does not have', () => {
    const problems = problemsOf({ sizing: { operations: { placeOrders: { memoryMb: 1024 } } } });
    expect(problems).toEqual([
      '/contexts/orders/operations/placeOrders: orders has no operation "placeOrders"; use one of cancelOrder, getOrder, listMyOrders, placeOrder',
    ]);
  });

  it("fails if a planned function's handler was not bundled", () => {
    const code = FunctionCode.fromBundleDir(outdir('empty'));
    expect(problemsOf({ code })[0]).toMatch(
      /orders\/manifest\.json is missing: the functions of orders are not bundled; run `npx charter bundle orders --strategy per-operation`/,
    );
  });

  it('fails if the bundle no longer matches the plan', () => {
    expect(problemsOf({ strategy: 'per-context' })).toEqual([
      expect.stringMatching(
        /function "orders" \(cancelOrder, getOrder, listMyOrders, placeOrder\) has no bundle, so its handler cannot be deployed; run `npx charter bundle orders --strategy per-context`/,
      ),
    ]);
  });

  it('fails if handlers are required and an operation has none', () => {
    const problems = problemsOf({ requireHandlers: true, unimplemented: ['cancelOrder'] });
    expect(problems).toEqual([
      'orders: no handler for cancelOrder (requireHandlers is on); write handlers/orders/<operation>.ts for each, or turn /deploy/requireHandlers off to deploy them answering 501',
    ]);
    expect(problemsOf({ unimplemented: ['cancelOrder'] })).toEqual([]);
  });

  it('fails if an invoker account id is not 12 digits', () => {
    expect(problemsOf({ invokerAccountIds: ['111122223333', '1234'] })).toEqual([
      'invokerAccountIds[1] (/contexts/orders/deploy/invokerAccountIds/1): "1234" is not an AWS account id; write its 12 digits, e.g. "111122223333"',
    ]);
  });

  it('fails if a bearer scheme has no authorizer', () => {
    expect(problemsOf({ authorizers: {} })).toEqual([
      'contracts/orders/openapi.yaml#/components/securitySchemes/bearerAuth: security scheme "bearerAuth" has no authorizer; set /deploy/auth/bearerAuth in charter.config.json to { "jwt": { "issuer": ..., "audience": [...] } }, { "cognito": { "userPoolArn": ... } } or { "lambda": { "functionArn": ... } }, or pass authorizers.bearerAuth (SchemeAuthorizer.jwt, .cognito or .lambda)',
    ]);
  });

  it('fails if the contract names a Lambda authorizer the config does not give', () => {
    const bundled = structuredClone(orders.model.bundled) as {
      components: { securitySchemes: Record<string, Record<string, unknown>> };
    };
    bundled.components.securitySchemes.bearerAuth['x-charter-authorizer'] = 'shop-tokens';
    expect(problemsOf({ contract: { ...orders.model, bundled }, authorizers: {} })).toEqual([
      'contracts/orders/openapi.yaml#/components/securitySchemes/bearerAuth: the contract names Lambda authorizer "shop-tokens" but none was given; set /deploy/authorizers/shop-tokens/functionArn in charter.config.json (or pass authorizers.bearerAuth)',
    ]);
  });

  it('fails if a path parameter is only part of a segment, or an x-charter-function is not a name', () => {
    const model: ContractModel = {
      ...orders.model,
      operations: orders.model.operations.map((op, i) =>
        i === 0 ? { ...op, path: '/orders/{orderId}.json', functionName: 'Order Reads' } : op,
      ),
    };
    const problems = problemsOf({ contract: model, strategy: 'groups' });
    expect(problems).toContain(
      'contracts/orders/openapi.yaml#/paths/~1orders/get/x-charter-function: "Order Reads" is not a function name; use lower-case kebab-case of at most 48 characters, e.g. "order-reads"',
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'path segment "{orderId}.json" mixes a parameter with text; API Gateway needs parameters to be whole segments',
      ),
    );
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      invokerAccountIds: ['x'],
      sizing: { functions: { nope: {} } },
      stage: { name: 'prod stage' },
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      '/contexts/orders/functions/nope',
      'invokerAccountIds[0] (/contexts/orders/deploy/invokerAccountIds/0)',
      'stage.name',
    ]);
  });
});

describe('charter.config.json deploy settings', () => {
  it('fills every default when there is no deploy section', () => {
    expect(configProblems({})).toEqual([]);
  });

  it('fails if WAF is turned off without a reason', () => {
    expect(configProblems({ deploy: { waf: { enabled: false } } })).toEqual([
      '/deploy/waf/reason: WAF is turned off without a reason; write why in a sentence, e.g. "internal API reached only through a private VPC endpoint"',
    ]);
    expect(
      configProblems({
        deploy: { waf: { enabled: false, reason: 'internal API behind a private VPC endpoint' } },
      }),
    ).toEqual([]);
    expect(() => Firewall.disabled('')).toThrow(/write why the stage needs no WAF/);
  });

  it('fails if an invoker account id is not 12 digits, naming its pointer', () => {
    expect(
      configProblems({
        contexts: { orders: { deploy: { invokerAccountIds: ['12345678901', 111122223333] } } },
      }),
    ).toEqual([
      '/contexts/orders/deploy/invokerAccountIds/0: "12345678901" is not an AWS account id; write the 12 digits as a string, e.g. "111122223333"',
      '/contexts/orders/deploy/invokerAccountIds/1: 111122223333 is not an AWS account id; write the 12 digits as a string, e.g. "111122223333"',
    ]);
  });

  it('reports every wrong deploy value with its pointer', () => {
    const problems = configProblems({
      deploy: {
        stage: { rateLimit: 0, logRetentionDays: 31 },
        deployment: { preference: 'blue-green' },
        alarms: { p99LatencyMs: -1 },
        auth: { bearerAuth: { jwt: { issuer: 'http://insecure', audience: [] } } },
        domain: { name: 'api.shop.example', certificateArn: 'cert' },
      },
      contexts: { orders: { operations: { placeOrder: { memoryMb: 64 } } } },
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      '/contexts/orders/operations/placeOrder/memoryMb',
      '/deploy/stage/rateLimit',
      '/deploy/stage/logRetentionDays',
      '/deploy/domain/certificateArn',
      '/deploy/deployment/preference',
      '/deploy/alarms/p99LatencyMs',
      '/deploy/auth/bearerAuth/jwt/issuer',
      '/deploy/auth/bearerAuth/jwt/audience',
    ]);
  });
});
