/**
 * The props of `ContractApi`: one context's contract plus how to deploy it. Every option has a
 * default; `ContractApi` checks them all before creating anything.
 * @module
 */
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { ContractModel } from '../../../platform/codegen/model/model.ts';
import type { FunctionStrategy } from '../../../platform/config/charter-config.ts';
import type { AlarmConfig, FunctionSizing, UsagePlanConfig } from '../../../platform/config/deploy-config.ts';
import type { ContainerConfig, DatabaseConfig } from '../../../platform/config/runtime-config.ts';
import type { SchemeAuthorizer } from '../auth/scheme-authorizer.ts';
import type { ContainerCode } from '../container/container-code.ts';
import type { DeploymentPreference } from '../functions/deployment-preference.ts';
import type { FunctionCode } from '../functions/function-code.ts';
import type { Firewall } from '../waf/firewall.ts';

export interface StageOptions {
  /** @default 'prod' */
  readonly name?: string;
  /** Steady requests per second for the whole stage. @default 100 */
  readonly rateLimit?: number;
  /** @default 200 */
  readonly burstLimit?: number;
  /** Retention of access logs and function logs. @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

export interface SizingOptions {
  /** @default 512 */
  readonly memoryMb?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** By operationId; a function gets the largest of its operations'. @default {} */
  readonly operations?: Readonly<Record<string, FunctionSizing>>;
  /** By function name; wins over operations. @default {} */
  readonly functions?: Readonly<Record<string, FunctionSizing>>;
}

export interface ContractApiDomain {
  /** The shared custom domain (see ApiDomain). */
  readonly domain: apigw.IDomainName;
  /** @default `<context>`, or `<context>/v<majorVersion>` */
  readonly basePath?: string;
}

/** A context served by one Fargate service instead of Lambda functions. */
export interface ContainerOptions {
  /** The image: `ContainerCode.fromBundleDir('dist/containers')` or one built elsewhere. */
  readonly code: ContainerCode;
  /** @default DEFAULT_CONTAINER (512 CPU units, 1 GB, 2 to 10 tasks, 60 % CPU, 6000 requests per task and minute) */
  readonly sizing?: Partial<ContainerConfig>;
  /** @default a new VPC (two AZs, one NAT gateway, flow logs) */
  readonly vpc?: ec2.IVpc;
  /** Environment from Secrets Manager (database credentials). @default {} */
  readonly secrets?: Readonly<Record<string, ecs.Secret>>;
}

/** The context's Aurora Serverless v2 database (its repositories' AWS implementation). */
export interface DatabaseOptions {
  readonly config: DatabaseConfig;
  /** The SQL migrations applied on deploy: `handlers/<ctx>/migrations`. */
  readonly migrationsDir: string;
}

export interface ContractApiProps {
  /** The context's contract, as platform/codegen models it. */
  readonly contract: ContractModel;
  /** Where each function's code comes from (unused when the context runs in a container). */
  readonly code: FunctionCode;
  /**
   * Serve every operation from a Fargate service behind a Network Load Balancer and a VPC link
   * instead of Lambda functions. @default none (Lambda)
   */
  readonly container?: ContainerOptions;
  /**
   * An Aurora Serverless v2 cluster behind an RDS Proxy, migrated on deploy. Containers only for
   * now: Lambda functions would need VPC placement to reach the proxy. @default none
   */
  readonly database?: DatabaseOptions;
  /** How operations become functions. @default 'per-operation' */
  readonly strategy?: FunctionStrategy;
  /** Operations that have no handler (they answer 501). @default [] */
  readonly unimplemented?: readonly string[];
  /** Refuse operations without a handler instead of deploying their 501. @default false */
  readonly requireHandlers?: boolean;
  /**
   * How each non-apiKey security scheme is checked, by scheme name. Several schemes may share one
   * authorizer. @default {} (an operation secured by another scheme fails validation)
   */
  readonly authorizers?: Readonly<Record<string, SchemeAuthorizer>>;
  /** @default name 'prod', 100 rps, burst 200, logs kept a month */
  readonly stage?: StageOptions;
  /** @default Firewall.enabled() (managed rule sets, 2000 requests per IP per 5 minutes) */
  readonly firewall?: Firewall;
  /** @default DeploymentPreference.canary(10, 5) */
  readonly deployment?: DeploymentPreference;
  /** Rollback thresholds. @default 5 % 5xx, p99 3000 ms, over 2 one-minute periods */
  readonly alarms?: Partial<AlarmConfig>;
  /** @default 512 MB, 10 s for every function */
  readonly sizing?: SizingOptions;
  /** Extra environment of every function (e.g. other contexts' base URLs). @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** AWS accounts allowed to invoke the functions' `live` aliases. @default [] */
  readonly invokerAccountIds?: readonly string[];
  /** API keys to create when the contract has an apiKey scheme. @default ['default'] */
  readonly apiKeys?: readonly string[];
  /** Throttle and quota of the API keys' usage plan. @default 50 rps, burst 100, no quota */
  readonly usagePlan?: Partial<UsagePlanConfig>;
  /** @default none: the API answers on its execute-api URL only */
  readonly domain?: ContractApiDomain;
  /** Major contract version served side by side with others (`/<ctx>/v2`). @default none */
  readonly majorVersion?: number;
  /**
   * Nested stacks the functions are spread over. @default 0 while they fit the stack, else a
   * power of two that keeps each nested stack far below 500 resources
   */
  readonly functionStacks?: number;
}
