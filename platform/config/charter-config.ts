/**
 * Project settings from `charter.config.json`: SDK naming, function grouping, local
 * development (port, CORS, timeouts), deployment (`deploy`, see deploy-config.ts). Every setting
 * has a default, so the file is optional.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDeploySection, checkSizing } from './check-deploy-config.ts';
import { DEFAULT_DEPLOY, type DeployConfig, type FunctionSizing, mergeDeploy } from './deploy-config.ts';
import { type ContextRuntime, checkRuntimeSettings } from './runtime-config.ts';

export type FunctionStrategy = 'per-operation' | 'per-context' | 'groups';

export interface CorsConfig {
  /** Origins allowed to call the API from a browser; `*` allows any. @default ['*'] */
  readonly allowOrigins: readonly string[];
  /** @default ['authorization', 'content-type', 'idempotency-key', 'x-api-key', 'x-request-id'] */
  readonly allowHeaders: readonly string[];
  /** Response headers a browser may read. @default ['location', 'x-request-id'] */
  readonly exposeHeaders: readonly string[];
  /** @default false */
  readonly allowCredentials: boolean;
  /** How long a browser may cache a preflight answer. @default 600 */
  readonly maxAgeSeconds: number;
}

export interface ContextConfig {
  /** Lambda functions, or one Fargate service behind a load balancer. @default 'lambda' */
  readonly runtime?: ContextRuntime;
  /** Size and scaling of the Fargate service (runtime fargate only); see runtime-config.ts. @default DEFAULT_CONTAINER */
  readonly container?: unknown;
  /** An Aurora Serverless v2 cluster for the context's repositories (`true` for the defaults). @default none */
  readonly database?: unknown;
  /** How this context's operations become functions. @default the project's strategy */
  readonly strategy?: FunctionStrategy;
  /** Seconds a function may run before it is stopped (Lambda's timeout). @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 512 */
  readonly memoryMb?: number;
  /** Overrides of the project's `deploy` settings for this context. @default none */
  readonly deploy?: unknown;
  /** Memory and timeout of single operations, by operationId. @default {} */
  readonly operations?: Readonly<Record<string, FunctionSizing>>;
  /** Memory and timeout of whole functions, by function (group) name. @default {} */
  readonly functions?: Readonly<Record<string, FunctionSizing>>;
}

/** A context's settings with the project's function defaults filled in. */
export type ResolvedContextConfig = ContextConfig &
  Required<Pick<ContextConfig, 'strategy' | 'timeoutSeconds' | 'memoryMb'>>;

export interface CharterConfig {
  readonly sdk: {
    /** npm scope of the generated SDK packages. @default '@charter' */
    readonly scope: string;
  };
  readonly functions: Required<Pick<ContextConfig, 'strategy' | 'timeoutSeconds' | 'memoryMb'>>;
  readonly contexts: Readonly<Record<string, ContextConfig>>;
  /** How contexts are deployed to AWS (infra/). */
  readonly deploy: DeployConfig;
  readonly dev: {
    /** @default 3000 */
    readonly port: number;
    readonly cors: CorsConfig;
  };
}

export const DEFAULT_CONFIG: CharterConfig = {
  sdk: { scope: '@charter' },
  functions: { strategy: 'per-operation', timeoutSeconds: 10, memoryMb: 512 },
  contexts: {},
  deploy: DEFAULT_DEPLOY,
  dev: {
    port: 3000,
    cors: {
      allowOrigins: ['*'],
      allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-api-key', 'x-request-id'],
      exposeHeaders: ['location', 'x-request-id'],
      allowCredentials: false,
      maxAgeSeconds: 600,
    },
  },
};

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`charter.config.json is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads `<root>/charter.config.json`, filling defaults. Every problem is reported at once.
 * @example const config = loadConfig(process.cwd());
 */
export function loadConfig(root: string): CharterConfig {
  const file = join(root, 'charter.config.json');
  if (!existsSync(file)) return DEFAULT_CONFIG;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`charter.config.json: ${(error as Error).message}; fix the JSON syntax`]);
  }
  const problems: string[] = [];
  const section = (name: string) => (raw[name] ?? {}) as Record<string, unknown>;
  const sdk = section('sdk');
  const functions = section('functions');
  const dev = section('dev');
  const cors = (dev.cors ?? {}) as Record<string, unknown>;
  const contexts = section('contexts') as Record<string, ContextConfig>;

  const config: CharterConfig = {
    sdk: { scope: (sdk.scope as string) ?? DEFAULT_CONFIG.sdk.scope },
    functions: { ...DEFAULT_CONFIG.functions, ...(functions as Partial<CharterConfig['functions']>) },
    contexts,
    deploy: mergeDeploy(DEFAULT_DEPLOY, raw.deploy),
    dev: {
      port: (dev.port as number) ?? DEFAULT_CONFIG.dev.port,
      cors: { ...DEFAULT_CONFIG.dev.cors, ...(cors as Partial<CorsConfig>) },
    },
  };
  if (!/^@[a-z0-9][a-z0-9-._]*$/.test(config.sdk.scope)) {
    problems.push(`/sdk/scope: "${config.sdk.scope}" is not an npm scope; write it like "@shop"`);
  }
  checkStrategy(config.functions.strategy, '/functions/strategy', problems);
  checkRange(config.functions.timeoutSeconds, 1, 900, '/functions/timeoutSeconds', problems);
  checkRange(config.functions.memoryMb, 128, 10240, '/functions/memoryMb', problems);
  checkRange(config.dev.port, 0, 65535, '/dev/port', problems);
  for (const [name, context] of Object.entries(contexts)) {
    if (context.strategy !== undefined)
      checkStrategy(context.strategy, `/contexts/${name}/strategy`, problems);
    if (context.timeoutSeconds !== undefined)
      checkRange(context.timeoutSeconds, 1, 900, `/contexts/${name}/timeoutSeconds`, problems);
    if (context.memoryMb !== undefined)
      checkRange(context.memoryMb, 128, 10240, `/contexts/${name}/memoryMb`, problems);
    checkDeploySection(context.deploy, `/contexts/${name}/deploy`, problems);
    checkRuntimeSettings(context as Record<string, unknown>, `/contexts/${name}`, problems);
    checkSizing(context.operations, `/contexts/${name}/operations`, problems);
    checkSizing(context.functions, `/contexts/${name}/functions`, problems);
  }
  checkDeploySection(raw.deploy, '/deploy', problems);
  if (!Array.isArray(config.dev.cors.allowOrigins))
    problems.push('/dev/cors/allowOrigins: must be a list of origins, e.g. ["http://localhost:5173"]');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The settings of one context, with the project's defaults filled in. */
export function contextConfig(config: CharterConfig, context: string): ResolvedContextConfig {
  return { ...config.functions, ...config.contexts[context] };
}

function checkStrategy(value: unknown, pointer: string, problems: string[]): void {
  if (value !== 'per-operation' && value !== 'per-context' && value !== 'groups') {
    problems.push(
      `${pointer}: "${String(value)}" is not a strategy; use per-operation, per-context or groups`,
    );
  }
}

function checkRange(value: unknown, min: number, max: number, pointer: string, problems: string[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push(`${pointer}: ${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
  }
}
