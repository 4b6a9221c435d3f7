/**
 * `charter bundle [ctx...] [--strategy per-operation|per-context|groups] [--out DIR]`: builds the
 * deployable Lambda bundles (default `dist/functions/`), the same ones infra deploys. A context
 * with `"runtime": "fargate"` gets its container recipe instead, in `containers/` next to the
 * functions folder (default `dist/containers/<ctx>`).
 * @module
 */
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleContainer } from '../../bundle/build-container.ts';
import { bundleContext } from '../../bundle/build-functions.ts';
import { FunctionPlanError } from '../../bundle/plan-functions.ts';
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import {
  type ConfigError,
  contextConfig,
  type FunctionStrategy,
  loadConfig,
} from '../../config/charter-config.ts';
import { contextRuntime } from '../../config/runtime-config.ts';
import { loadContract } from '../../gateway/served-contexts.ts';
import { parseArgs } from '../args.ts';

const STRATEGIES: readonly FunctionStrategy[] = ['per-operation', 'per-context', 'groups'];

export async function runBundle(argv: string[], root: string): Promise<number> {
  const args = parseArgs(argv, ['strategy', 'out']);
  const strategy = args.flags.get('strategy');
  if (strategy !== undefined && !STRATEGIES.includes(strategy as FunctionStrategy)) {
    console.error(
      `charter bundle: --strategy must be one of ${STRATEGIES.join(', ')}; got ${String(strategy)}`,
    );
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(root);
  } catch (error) {
    console.error((error as ConfigError).message);
    return 2;
  }
  const available = findContexts(root);
  const unknown = args.positionals.filter((name) => !available.some((c) => c.name === name));
  if (unknown.length > 0) {
    console.error(
      `charter bundle: no contract for ${unknown.join(', ')}; found: ${available.map((c) => c.name).join(', ')}`,
    );
    return 2;
  }
  const selected =
    args.positionals.length > 0 ? available.filter((c) => args.positionals.includes(c.name)) : available;
  const outDir = resolve(
    root,
    typeof args.flags.get('out') === 'string' ? (args.flags.get('out') as string) : join('dist', 'functions'),
  );
  const failures: string[] = [];
  for (const source of selected) {
    const started = performance.now();
    try {
      const { model } = await loadContract(root, source);
      if (
        contextRuntime(contextConfig(config, source.name).runtime, model.bundled, model.sourceFile) ===
        'fargate'
      ) {
        const container = await bundleContainer({ root, model, outDir: join(dirname(outDir), 'containers') });
        console.error(
          `charter bundle: ${source.name}: container recipe (fargate) in ${container.dir}, server ${(container.serverBytes / 1024).toFixed(1)} KiB in ${Math.round(performance.now() - started)} ms`,
        );
        continue;
      }
      const chosen =
        (strategy as FunctionStrategy | undefined) ?? contextConfig(config, source.name).strategy;
      const bundle = await bundleContext({ root, model, strategy: chosen, outDir });
      const total = bundle.functions.reduce((sum, f) => sum + f.bytes, 0);
      console.error(
        `charter bundle: ${source.name}: ${bundle.functions.length} function(s) (${chosen}), ${(total / 1024).toFixed(1)} KiB in ${Math.round(performance.now() - started)} ms`,
      );
      for (const fn of bundle.functions) {
        const missing =
          fn.unimplemented.length > 0 ? `  501 until implemented: ${fn.unimplemented.join(', ')}` : '';
        console.error(
          `  ${fn.name.padEnd(36)} ${(fn.bytes / 1024).toFixed(1).padStart(8)} KiB  ${fn.operations.join(', ')}${missing}`,
        );
      }
    } catch (error) {
      failures.push(
        error instanceof FunctionPlanError
          ? error.problems.join('\n')
          : `${source.name}: ${(error as Error).message}`,
      );
    }
  }
  for (const failure of failures) console.error(failure);
  return failures.length > 0 ? 1 : 0;
}
