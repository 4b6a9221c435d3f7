/**
 * Turns `charter.config.json` (platform/config) into one context's `ContractApi` props: the
 * strategy, sizing, stage, WAF, traffic shifting, alarms, authorizers, keys and grants.
 * @module
 */
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ContractModel } from '../../../platform/codegen/model/model.ts';
import { type CharterConfig, contextConfig } from '../../../platform/config/charter-config.ts';
import {
  type ContextDeployConfig,
  contextDeployConfig,
  type LambdaAuthorizerConfig,
  type SchemeAuthConfig,
} from '../../../platform/config/deploy-config.ts';
import { containerConfig, contextRuntime, databaseConfig } from '../../../platform/config/runtime-config.ts';
import { SchemeAuthorizer } from '../auth/scheme-authorizer.ts';
import { ContainerCode } from '../container/container-code.ts';
import type { ContractApiDomain, ContractApiProps } from '../contract-api/contract-api-props.ts';
import { DeploymentPreference } from '../functions/deployment-preference.ts';
import type { FunctionCode } from '../functions/function-code.ts';
import { Firewall } from '../waf/firewall.ts';
import type { LoadedContext } from './load-contexts.ts';

export interface PropsFromConfigOptions {
  readonly config: CharterConfig;
  readonly context: LoadedContext;
  readonly code: FunctionCode;
  /** The project root, where `handlers/<ctx>/migrations` are. @default process.cwd() */
  readonly root?: string;
  /** Images of contexts with `"runtime": "fargate"`. @default ContainerCode.fromBundleDir('dist/containers') */
  readonly containerCode?: ContainerCode;
  /** Base URLs of the other contexts, for SDK calls between them. @default {} */
  readonly serviceUrls?: Readonly<Record<string, string>>;
  /** @default none */
  readonly domain?: ContractApiDomain;
}

/**
 * @param scope where imported user pools and authorizer functions are referenced (the context's stack)
 * @example new ContractStack(app, 'charter-orders', { api: propsFromConfig(stack, { config, context, code }) })
 */
export function propsFromConfig(scope: Construct, options: PropsFromConfigOptions): ContractApiProps {
  const { model } = options.context;
  const settings = contextConfig(options.config, model.context);
  const deploy = contextDeployConfig(options.config.deploy, options.config.contexts[model.context]);
  return {
    contract: model,
    code: options.code,
    container:
      contextRuntime(settings.runtime, model.bundled, model.sourceFile) === 'fargate'
        ? {
            code: options.containerCode ?? ContainerCode.fromBundleDir('dist/containers'),
            sizing: containerConfig(settings.container),
          }
        : undefined,
    database: databaseOf(options, model.context, settings.database),
    strategy: settings.strategy,
    unimplemented: options.context.unimplemented,
    requireHandlers: deploy.requireHandlers,
    authorizers: authorizersFor(scope, model, deploy),
    stage: {
      name: deploy.stage.name,
      rateLimit: deploy.stage.rateLimit,
      burstLimit: deploy.stage.burstLimit,
      logRetention: deploy.stage.logRetentionDays as logs.RetentionDays,
    },
    firewall: deploy.waf.enabled
      ? Firewall.enabled({ rateLimitPer5Minutes: deploy.waf.rateLimitPer5Minutes })
      : Firewall.disabled(deploy.waf.reason),
    deployment: preferenceOf(deploy),
    alarms: deploy.alarms,
    sizing: {
      memoryMb: settings.memoryMb,
      timeoutSeconds: settings.timeoutSeconds,
      operations: deploy.operations,
      functions: deploy.functions,
    },
    environment: options.serviceUrls ?? {},
    invokerAccountIds: deploy.invokerAccountIds,
    apiKeys: deploy.apiKeys,
    usagePlan: deploy.usagePlan,
    domain: options.domain,
  };
}

function databaseOf(
  options: PropsFromConfigOptions,
  context: string,
  raw: unknown,
): ContractApiProps['database'] {
  const config = databaseConfig(raw, context);
  if (!config) return undefined;
  const root = options.root ?? process.cwd();
  return { config, migrationsDir: join(root, 'handlers', context, 'migrations') };
}

function preferenceOf(deploy: ContextDeployConfig): DeploymentPreference {
  const { preference, percent, minutes } = deploy.deployment;
  if (preference === 'all-at-once') return DeploymentPreference.allAtOnce();
  return preference === 'linear'
    ? DeploymentPreference.linear(percent, minutes)
    : DeploymentPreference.canary(percent, minutes);
}

/**
 * Each scheme's authorizer: `deploy.auth.<scheme>`, or the Lambda authorizer the contract names
 * with `x-charter-authorizer` (`deploy.authorizers.<name>`). Identical settings share one
 * authorizer, so alternatives like Stripe's basic-or-bearer pass API Gateway's one-authorizer rule.
 */
function authorizersFor(
  scope: Construct,
  model: ContractModel,
  deploy: ContextDeployConfig,
): Record<string, SchemeAuthorizer> {
  const declared = ((model.bundled.components as Record<string, unknown> | undefined)?.securitySchemes ??
    {}) as Record<string, Record<string, unknown>>;
  const shared = new Map<string, SchemeAuthorizer>();
  const out: Record<string, SchemeAuthorizer> = {};
  for (const scheme of model.securitySchemes) {
    const named = declared[scheme.name]?.['x-charter-authorizer'];
    const setting: SchemeAuthConfig | undefined =
      deploy.auth[scheme.name] ??
      (typeof named === 'string' && deploy.authorizers[named]
        ? { lambda: deploy.authorizers[named] }
        : undefined);
    if (!setting) continue;
    const key = JSON.stringify(setting);
    let authorizer = shared.get(key);
    if (!authorizer) {
      authorizer = schemeAuthorizer(scope, `Authorizer${shared.size}`, setting);
      shared.set(key, authorizer);
    }
    out[scheme.name] = authorizer;
  }
  return out;
}

function schemeAuthorizer(scope: Construct, id: string, setting: SchemeAuthConfig): SchemeAuthorizer {
  if ('cognito' in setting)
    return SchemeAuthorizer.cognito(cognito.UserPool.fromUserPoolArn(scope, id, setting.cognito.userPoolArn));
  if ('jwt' in setting) return SchemeAuthorizer.jwt(setting.jwt);
  const config: LambdaAuthorizerConfig = setting.lambda;
  return SchemeAuthorizer.lambda(lambda.Function.fromFunctionArn(scope, id, config.functionArn), {
    type: config.type,
    identitySource: config.identitySource,
    resultTtl: config.resultTtlSeconds === undefined ? undefined : Duration.seconds(config.resultTtlSeconds),
  });
}
