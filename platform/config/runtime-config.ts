/**
 * Where a context runs and where it keeps its data: `contexts.<ctx>.runtime` (Lambda functions
 * or one Fargate service), `contexts.<ctx>.container` (the service's size and scaling) and
 * `contexts.<ctx>.database` (an Aurora Serverless v2 cluster). Problems name the JSON pointer
 * and the fix; the caller reports all of them at once.
 * @module
 */

/** What serves a context's operations on AWS. */
export type ContextRuntime = 'lambda' | 'fargate';

export interface ContainerConfig {
  /** vCPU units of one task (1024 = 1 vCPU). @default 512 */
  readonly cpu: number;
  /** Memory of one task. @default 1024 */
  readonly memoryMb: number;
  /** @default 2 (one per availability zone) */
  readonly minTasks: number;
  /** @default 10 */
  readonly maxTasks: number;
  /** Average CPU the service scales to keep. @default 60 */
  readonly cpuTargetPercent: number;
  /** Requests per task and minute the service scales to keep. @default 6000 */
  readonly requestsPerTaskPerMinute: number;
}

export interface DatabaseConfig {
  /** Aurora capacity units the cluster never goes below (0 lets it pause). @default 0.5 */
  readonly minCapacity: number;
  /** @default 4 */
  readonly maxCapacity: number;
  /** @default the context's name */
  readonly databaseName: string;
}

/**
 * Where a context runs: `contexts.<ctx>.runtime` in charter.config.json, else the contract's
 * top-level `x-charter-runtime`, else Lambda.
 * @throws Error naming the contract's pointer when `x-charter-runtime` is neither value
 * @example contextRuntime(undefined, { 'x-charter-runtime': 'fargate' }, 'contracts/recs/openapi.yaml') // 'fargate'
 */
export function contextRuntime(
  configured: ContextRuntime | undefined,
  contract: Readonly<Record<string, unknown>>,
  contractFile: string,
): ContextRuntime {
  if (configured) return configured;
  const declared = contract['x-charter-runtime'];
  if (declared === undefined) return 'lambda';
  if (declared === 'lambda' || declared === 'fargate') return declared;
  throw new Error(
    `${contractFile}#/x-charter-runtime: ${JSON.stringify(declared)} is not a runtime; use "lambda" or "fargate"`,
  );
}

export const DEFAULT_CONTAINER: ContainerConfig = {
  cpu: 512,
  memoryMb: 1024,
  minTasks: 2,
  maxTasks: 10,
  cpuTargetPercent: 60,
  requestsPerTaskPerMinute: 6000,
};

/** Fargate's valid CPU / memory pairs: memory range and step, by CPU. */
const FARGATE_SIZES: Record<number, readonly [number, number, number]> = {
  256: [512, 2048, 1024],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
};

/**
 * The container settings of a context, defaults filled in.
 * @example containerConfig({ minTasks: 1 }).cpu // 512
 */
export function containerConfig(raw: unknown): ContainerConfig {
  return { ...DEFAULT_CONTAINER, ...((raw ?? {}) as Partial<ContainerConfig>) };
}

/**
 * The database settings of a context, or undefined when it keeps none on AWS.
 * @example databaseConfig({ maxCapacity: 8 }, 'orders') // { minCapacity: 0.5, maxCapacity: 8, databaseName: 'orders' }
 */
export function databaseConfig(raw: unknown, context: string): DatabaseConfig | undefined {
  if (raw === undefined || raw === false) return undefined;
  return {
    minCapacity: 0.5,
    maxCapacity: 4,
    databaseName: context.replaceAll('-', '_'),
    ...((raw === true ? {} : raw) as Partial<DatabaseConfig>),
  };
}

/**
 * @param context `contexts.<ctx>` as written
 * @param at its pointer, e.g. `/contexts/recommendations`
 * @example checkRuntimeSettings({ runtime: 'ec2' }, '/contexts/x', problems) // '/contexts/x/runtime: "ec2" is not a runtime; ...'
 */
export function checkRuntimeSettings(context: Record<string, unknown>, at: string, problems: string[]): void {
  const runtime = context.runtime;
  if (runtime !== undefined && runtime !== 'lambda' && runtime !== 'fargate')
    problems.push(`${at}/runtime: ${JSON.stringify(runtime)} is not a runtime; use "lambda" or "fargate"`);
  if (context.container !== undefined) checkContainer(context.container, `${at}/container`, problems);
  if (context.container !== undefined && runtime !== 'fargate')
    problems.push(
      `${at}/container: only a context with "runtime": "fargate" runs in a container; set it or remove this`,
    );
  if (context.database !== undefined) checkDatabase(context.database, `${at}/database`, problems);
}

function checkContainer(raw: unknown, at: string, problems: string[]): void {
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object, e.g. { "cpu": 512, "memoryMb": 1024 }`);
    return;
  }
  const c = containerConfig(raw);
  const size = FARGATE_SIZES[c.cpu];
  if (!size)
    problems.push(
      `${at}/cpu: ${JSON.stringify(c.cpu)} is not a Fargate CPU; use 256, 512, 1024, 2048 or 4096`,
    );
  else if (!(c.memoryMb >= size[0] && c.memoryMb <= size[1] && c.memoryMb % size[2] === 0))
    problems.push(
      `${at}/memoryMb: ${JSON.stringify(c.memoryMb)} does not fit ${c.cpu} CPU units; use a multiple of ${size[2]} from ${size[0]} to ${size[1]}`,
    );
  whole(c.minTasks, 1, 1000, `${at}/minTasks`, problems);
  whole(c.maxTasks, 1, 1000, `${at}/maxTasks`, problems);
  if (c.maxTasks < c.minTasks)
    problems.push(`${at}/maxTasks: ${c.maxTasks} is below minTasks ${c.minTasks}; raise it`);
  whole(c.cpuTargetPercent, 10, 95, `${at}/cpuTargetPercent`, problems);
  whole(c.requestsPerTaskPerMinute, 1, 1_000_000, `${at}/requestsPerTaskPerMinute`, problems);
}

function checkDatabase(raw: unknown, at: string, problems: string[]): void {
  if (raw === true) return;
  if (!isObject(raw)) {
    problems.push(`${at}: must be true or an object, e.g. { "minCapacity": 0.5, "maxCapacity": 4 }`);
    return;
  }
  const d = databaseConfig(raw, 'x') as DatabaseConfig;
  const acu = (value: number, pointer: string) => {
    if (typeof value !== 'number' || value < 0 || value > 256 || (value * 2) % 1 !== 0)
      problems.push(
        `${pointer}: ${JSON.stringify(value)} is not an Aurora capacity; use 0 to 256 in steps of 0.5`,
      );
  };
  acu(d.minCapacity, `${at}/minCapacity`);
  acu(d.maxCapacity, `${at}/maxCapacity`);
  if (d.maxCapacity < d.minCapacity || d.maxCapacity < 1)
    problems.push(
      `${at}/maxCapacity: ${d.maxCapacity} must be at least 1 and at least minCapacity ${d.minCapacity}`,
    );
  if (raw.databaseName !== undefined && !/^[a-z][a-z0-9_]{0,62}$/.test(String(raw.databaseName)))
    problems.push(
      `${at}/databaseName: ${JSON.stringify(raw.databaseName)} is not a database name; use lower-case letters, digits and _`,
    );
}

function whole(value: unknown, min: number, max: number, pointer: string, problems: string[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    problems.push(`${pointer}: ${JSON.stringify(value)} must be a whole number from ${min} to ${max}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
