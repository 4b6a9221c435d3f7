/**
 * Shared setup of the infra tests: the example contexts' models (loaded once), stand-in bundles
 * laid out exactly as `charter bundle` writes them (so synthesis needs no esbuild run and asset
 * hashes stay stable), and the example project's config with overrides.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { type LoadedContext, loadContexts } from '../../../infra/lib/config/load-contexts.ts';
import { type PlannedFunction, planFunctions } from '../../../platform/bundle/plan-functions.ts';
import type { ContractModel } from '../../../platform/codegen/model/model.ts';
import {
  type CharterConfig,
  type FunctionStrategy,
  loadConfig,
} from '../../../platform/config/charter-config.ts';

export const ROOT = resolve('.');
// Template validation against the CloudFormation spec costs seconds per stack; the assertions
// below check what matters, and cdk-nag still runs.
process.env.CDK_VALIDATION = 'false';

let examples: Promise<LoadedContext[]> | undefined;

/** catalog, orders and recommendations, as the CDK app loads them. */
export function exampleContexts(): Promise<LoadedContext[]> {
  examples ??= loadContexts(ROOT);
  return examples;
}

export function exampleConfig(overrides: Partial<CharterConfig> = {}): CharterConfig {
  return { ...loadConfig(ROOT), ...overrides };
}

/**
 * The example project's config with every context on Lambda and no database (recommendations
 * runs on Fargate with Aurora in the project): for tests of what Lambda contexts deploy. tests/infra/fargate.test.ts covers Fargate.
 */
export function exampleLambdaConfig(overrides: Partial<CharterConfig> = {}): CharterConfig {
  const config = exampleConfig(overrides);
  const contexts = Object.fromEntries(
    Object.entries(config.contexts).map(([name, { database: _database, ...context }]) => [
      name,
      { ...context, runtime: 'lambda' as const },
    ]),
  );
  return { ...config, contexts };
}

const created: string[] = [];
// Cloud assemblies and stand-in bundles are large: none outlives the test file that made it.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder (a cloud assembly, bundles), removed after the test file. */
export function outdir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `charter-infra-${name}-`));
  created.push(dir);
  return dir;
}

/**
 * Writes `<dir>/<ctx>/manifest.json` and one stand-in `index.mjs` per planned function.
 * @returns dir
 */
export function standInBundles(
  dir: string,
  models: readonly ContractModel[],
  strategy: FunctionStrategy,
): string {
  for (const model of models) {
    const plan = planFunctions(model, strategy);
    const functions = plan.map((fn: PlannedFunction) => {
      const folder = join(dir, model.context, fn.name);
      mkdirSync(folder, { recursive: true });
      const code = `export const handler = async () => ({ statusCode: 501, body: ${JSON.stringify(fn.name)} });\n`;
      writeFileSync(join(folder, 'index.mjs'), code);
      return {
        name: fn.name,
        operations: fn.operations.map((op) => op.operationId),
        entry: `${fn.name}/index.mjs`,
        bytes: code.length,
      };
    });
    writeFileSync(join(dir, model.context, 'manifest.json'), JSON.stringify({ functions }, null, 2));
  }
  return dir;
}
