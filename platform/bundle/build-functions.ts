/**
 * `charter bundle`: builds each function's deployable bundle with esbuild (no Docker), the same
 * artifacts infra/ deploys: `<out>/<ctx>/<function>/index.mjs` and `<out>/<ctx>/manifest.json`.
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { ContractModel } from '../codegen/model/model.ts';
import type { FunctionStrategy } from '../config/charter-config.ts';
import { functionEntrySource } from './function-entry.ts';
import { planFunctions } from './plan-functions.ts';

const RUNTIME_LAMBDA = join(dirname(fileURLToPath(import.meta.url)), '../runtime/adapters/lambda/index.ts');

export interface BundledFunction {
  readonly name: string;
  readonly operations: readonly string[];
  readonly entry: string;
  /** Every file of the function's folder: index.mjs, and the chunks of a multi-operation function. */
  readonly bytes: number;
  /** Operations bundled without a handler: they answer 501 after validation. */
  readonly unimplemented: readonly string[];
}

export interface ContextBundle {
  readonly context: string;
  readonly functions: readonly BundledFunction[];
}

/**
 * @example await bundleContext({ root, model, strategy: 'per-operation', outDir: 'dist/functions' })
 */
export async function bundleContext(options: {
  readonly root: string;
  readonly model: ContractModel;
  readonly strategy: FunctionStrategy;
  readonly outDir: string;
}): Promise<ContextBundle> {
  const { root, model } = options;
  const generated = join(root, 'generated', model.context, 'routes.gen.ts');
  if (!existsSync(generated)) {
    throw new Error(
      `${model.context}: generated/${model.context} is missing; run \`npx charter generate ${model.context}\` first`,
    );
  }
  const contextDir = join(options.outDir, model.context);
  await rm(contextDir, { recursive: true, force: true });
  const functions: BundledFunction[] = [];
  for (const fn of planFunctions(model, options.strategy)) {
    const { source, unimplemented } = functionEntrySource(model, fn, { root, runtimeLambda: RUNTIME_LAMBDA });
    const outdir = join(contextDir, fn.name);
    const result = await esbuild.build({
      stdin: {
        contents: source,
        resolveDir: root,
        sourcefile: `${model.context}-${fn.name}-entry.mjs`,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      minify: true,
      legalComments: 'none',
      // Functions of several operations load each operation's module on demand (see
      // function-entry.ts): those become chunks next to index.mjs, inside the function's folder.
      splitting: fn.operations.length > 1,
      outdir,
      entryNames: 'index',
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      write: false,
      logLevel: 'silent',
      // PGlite is the laptop's database; on AWS the same repositories talk to Aurora through pg.
      external: ['@electric-sql/pglite', 'pg-native'],
      // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
      banner: {
        js: "import{createRequire as __charterRequire}from'node:module';const require=__charterRequire(import.meta.url);",
      },
    });
    let bytes = 0;
    for (const file of result.outputFiles) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.contents);
      bytes += file.contents.byteLength;
    }
    functions.push({
      name: fn.name,
      operations: fn.operations.map((op) => op.operationId),
      entry: `${fn.name}/index.mjs`,
      bytes,
      unimplemented,
    });
  }
  const manifest = { functions: functions.map(({ unimplemented: _u, ...f }) => f) };
  await writeFile(join(contextDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { context: model.context, functions };
}
