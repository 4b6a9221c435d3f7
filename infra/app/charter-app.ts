/**
 * The CDK app of a charter project: one `ContractStack` per context, a domain stack when a custom
 * domain is configured, and cdk-nag's AwsSolutions checks on every synth.
 * @module
 */
import { App, type AppProps, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { CharterConfig } from '../../platform/config/charter-config.ts';
import type { LoadedContext } from '../lib/config/load-contexts.ts';
import type { ContainerCode } from '../lib/container/container-code.ts';
import { ContractStack } from '../lib/contract-stack.ts';
import { ApiDomain } from '../lib/domain/api-domain.ts';
import type { FunctionCode } from '../lib/functions/function-code.ts';

export interface CharterAppOptions {
  readonly config: CharterConfig;
  readonly contexts: readonly LoadedContext[];
  readonly code: FunctionCode;
  /** The project root, where `handlers/<ctx>/migrations` are. @default process.cwd() */
  readonly root?: string;
  /** Images of Fargate contexts. @default ContainerCode.fromBundleDir('dist/containers') */
  readonly containerCode?: ContainerCode;
  /** @default {} (the CDK CLI passes the output folder through the environment) */
  readonly appProps?: AppProps;
  /** Prefix of every stack name. @default 'charter' */
  readonly stackPrefix?: string;
  /** Run cdk-nag's AwsSolutions checks when synthesizing. @default true */
  readonly nag?: boolean;
}

export interface CharterApp {
  readonly app: App;
  /** By context name. */
  readonly stacks: ReadonlyMap<string, ContractStack>;
  readonly domainStack?: Stack;
}

/**
 * @example const { app } = buildCharterApp({ config, contexts: await loadContexts(root), code: FunctionCode.fromBundleDir('dist/functions') });
 */
export function buildCharterApp(options: CharterAppOptions): CharterApp {
  const app = new App(options.appProps);
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const prefix = options.stackPrefix ?? 'charter';
  const domainConfig = options.config.deploy.domain;
  let domainStack: Stack | undefined;
  let domain: ApiDomain | undefined;
  if (domainConfig) {
    domainStack = new Stack(app, `${prefix}-domain`, {
      description: `charter: the custom domain ${domainConfig.name}, shared by every context`,
    });
    domain = ApiDomain.fromCertificateArn(domainStack, 'Domain', {
      domainName: domainConfig.name,
      certificateArn: domainConfig.certificateArn,
      hostedZoneId: domainConfig.hostedZoneId,
      hostedZoneName: domainConfig.hostedZoneName,
    });
  }
  const names = options.contexts.map((c) => c.model.context);
  const stacks = new Map<string, ContractStack>();
  for (const context of options.contexts) {
    const name = context.model.context;
    const stack = ContractStack.fromCharterConfig(app, `${prefix}-${name}`, {
      config: options.config,
      context,
      code: options.code,
      containerCode: options.containerCode,
      root: options.root,
      serviceUrls: domainConfig ? serviceUrls(`https://${domainConfig.name}`, names, name) : {},
      domain: domain ? { domain: domain.domainName } : undefined,
    });
    if (domainStack)
      stack.addStackDependency(domainStack, `the base path mapping needs ${domainConfig?.name}`);
    stacks.set(name, stack);
  }
  return { app, stacks, domainStack };
}

/** `CHARTER_URL_<CTX>` of every other context, as `charter dev` sets them locally. */
function serviceUrls(baseUrl: string, contexts: readonly string[], self: string): Record<string, string> {
  return Object.fromEntries(
    contexts
      .filter((c) => c !== self)
      .map((c) => [`CHARTER_URL_${c.toUpperCase().replaceAll('-', '_')}`, `${baseUrl}/${c}`]),
  );
}
