/**
 * Deployment settings of `charter.config.json` (`deploy`, and `contexts.<ctx>.deploy` overrides):
 * what infra/ needs to turn a contract into API Gateway + Lambda. Every setting has a default;
 * every problem names the JSON pointer of the value and what to write instead.
 * @module
 */

export type DeploymentPreference = 'canary' | 'linear' | 'all-at-once';

export interface StageConfig {
  /** Stage name, the first path segment of the execute-api URL. @default 'prod' */
  readonly name: string;
  /** Steady-state requests per second across the stage. @default 100 */
  readonly rateLimit: number;
  /** Requests API Gateway accepts in a burst above the rate. @default 200 */
  readonly burstLimit: number;
  /** Days access logs and function logs are kept. @default 30 */
  readonly logRetentionDays: number;
}

/** WAF is on unless turned off with a written reason. */
export type WafConfig =
  | {
      readonly enabled: true;
      /** Requests one IP may send in 5 minutes before it is blocked. @default 2000 */
      readonly rateLimitPer5Minutes: number;
    }
  | { readonly enabled: false; readonly reason: string };

export interface DomainConfig {
  /** e.g. `api.shop.example`; every context is mapped under `/<ctx>`. */
  readonly name: string;
  /** ACM certificate for `name`, in the stack's region. */
  readonly certificateArn: string;
  /** Route 53 zone to create the alias record in. @default no record (create it yourself) */
  readonly hostedZoneId?: string;
  /** @default no record */
  readonly hostedZoneName?: string;
}

export interface TrafficShiftConfig {
  /** @default 'canary' */
  readonly preference: DeploymentPreference;
  /** Percent of traffic the new version gets first (canary) or per step (linear). @default 10 */
  readonly percent: number;
  /** Minutes before the rest shifts (canary) or between steps (linear). @default 5 */
  readonly minutes: number;
}

export interface AlarmConfig {
  /** Percent of a function's requests answered with 5xx that rolls a deployment back. @default 5 */
  readonly http5xxRatePercent: number;
  /** p99 duration of the live alias, in ms, that rolls a deployment back. @default 3000 */
  readonly p99LatencyMs: number;
  /** One-minute periods the threshold must be crossed. @default 2 */
  readonly evaluationPeriods: number;
}

/** How a bearer (or any non-apiKey) security scheme is checked by API Gateway. */
export type SchemeAuthConfig =
  | { readonly cognito: { readonly userPoolArn: string } }
  | {
      readonly jwt: {
        readonly issuer: string;
        readonly audience: readonly string[];
        /** @default `<issuer>/.well-known/jwks.json` */
        readonly jwksUri?: string;
      };
    }
  | { readonly lambda: LambdaAuthorizerConfig };

export interface LambdaAuthorizerConfig {
  readonly functionArn: string;
  /** `token` reads one header; `request` sees headers, query and context. @default 'request' */
  readonly type?: 'token' | 'request';
  /** @default 'method.request.header.Authorization' */
  readonly identitySource?: string;
  /** @default 300 */
  readonly resultTtlSeconds?: number;
}

export interface UsagePlanConfig {
  /** @default 50 */
  readonly rateLimit: number;
  /** @default 100 */
  readonly burstLimit: number;
  /** Requests per key and day; 0 means no quota. @default 0 */
  readonly quotaPerDay: number;
}

export interface DeployConfig {
  readonly stage: StageConfig;
  readonly waf: WafConfig;
  /** @default no custom domain: each context answers on its own execute-api URL */
  readonly domain?: DomainConfig;
  readonly deployment: TrafficShiftConfig;
  readonly alarms: AlarmConfig;
  /** Per security scheme name. @default {} (apiKey schemes need nothing) */
  readonly auth: Readonly<Record<string, SchemeAuthConfig>>;
  /** Lambda authorizers a contract names with `x-charter-authorizer`. @default {} */
  readonly authorizers: Readonly<Record<string, LambdaAuthorizerConfig>>;
  /** API keys created for apiKey schemes, by name. @default ['default'] */
  readonly apiKeys: readonly string[];
  readonly usagePlan: UsagePlanConfig;
  /** AWS accounts allowed to invoke the functions directly. @default [] */
  readonly invokerAccountIds: readonly string[];
  /** Refuse to deploy operations that have no handler (they would answer 501). @default false */
  readonly requireHandlers: boolean;
}

export interface FunctionSizing {
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
}

/** A context's deploy settings plus per-operation and per-function sizing. */
export interface ContextDeployConfig extends DeployConfig {
  /** `contexts.<ctx>.operations.<operationId>`. @default {} */
  readonly operations: Readonly<Record<string, FunctionSizing>>;
  /** `contexts.<ctx>.functions.<function name>`. @default {} */
  readonly functions: Readonly<Record<string, FunctionSizing>>;
}

/** Every deploy setting's default: what a project without a `deploy` section gets. */
export const DEFAULT_DEPLOY: DeployConfig = {
  stage: { name: 'prod', rateLimit: 100, burstLimit: 200, logRetentionDays: 30 },
  waf: { enabled: true, rateLimitPer5Minutes: 2000 },
  deployment: { preference: 'canary', percent: 10, minutes: 5 },
  alarms: { http5xxRatePercent: 5, p99LatencyMs: 3000, evaluationPeriods: 2 },
  auth: {},
  authorizers: {},
  apiKeys: ['default'],
  usagePlan: { rateLimit: 50, burstLimit: 100, quotaPerDay: 0 },
  invokerAccountIds: [],
  requireHandlers: false,
};

type Json = Record<string, unknown>;

/**
 * Merges a partial deploy section over a base (objects field by field, lists replaced).
 * @example mergeDeploy(DEFAULT_DEPLOY, { waf: { enabled: false, reason: 'internal only' } })
 */
export function mergeDeploy(base: DeployConfig, partial: unknown): DeployConfig {
  const raw = (partial ?? {}) as Json;
  const section = <T>(name: keyof DeployConfig): T =>
    ({ ...(base[name] as object), ...((raw[name] as object | undefined) ?? {}) }) as T;
  const waf = raw.waf as Json | undefined;
  return {
    stage: section('stage'),
    // Turning WAF off replaces the whole section, so no stale rate limit hangs on.
    waf: waf?.enabled === false ? (waf as unknown as WafConfig) : section('waf'),
    domain: raw.domain === undefined ? base.domain : (raw.domain as DomainConfig),
    deployment: section('deployment'),
    alarms: section('alarms'),
    auth: section('auth'),
    authorizers: section('authorizers'),
    apiKeys: (raw.apiKeys as string[] | undefined) ?? base.apiKeys,
    usagePlan: section('usagePlan'),
    invokerAccountIds: (raw.invokerAccountIds as string[] | undefined) ?? base.invokerAccountIds,
    requireHandlers: (raw.requireHandlers as boolean | undefined) ?? base.requireHandlers,
  };
}

/**
 * The deploy settings of one context: project `deploy`, then `contexts.<ctx>.deploy` over it.
 * @example contextDeployConfig(config.deploy, config.contexts.orders).waf
 */
export function contextDeployConfig(
  deploy: DeployConfig,
  context: { readonly deploy?: unknown; readonly operations?: unknown; readonly functions?: unknown } = {},
): ContextDeployConfig {
  return {
    ...mergeDeploy(deploy, context.deploy),
    operations: (context.operations ?? {}) as Record<string, FunctionSizing>,
    functions: (context.functions ?? {}) as Record<string, FunctionSizing>,
  };
}
