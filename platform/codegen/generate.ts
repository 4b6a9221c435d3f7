/**
 * The codegen pipeline for one context: bundle → model → every emitter → files in memory.
 * Nothing is written here; `write/` decides what changes on disk.
 * @module
 */
import { relative } from 'node:path';
import { loadConfig } from '../config/charter-config.ts';
import type { GeneratedFile } from './emit/generated-file.ts';
import { emitHandlers } from './emit/handlers/emit-handlers.ts';
import { emitRoutes } from './emit/routes/emit-routes.ts';
import { emitSdk } from './emit/sdk/emit-sdk.ts';
import { emitTypes } from './emit/types/emit-types.ts';
import { emitValidators } from './emit/validators/emit-validators.ts';
import { buildModel } from './model/build-model.ts';
import type { ContractModel } from './model/model.ts';
import type { ContractProblem } from './model/problems.ts';
import { bundleContract } from './parse/bundle-contract.ts';
import type { ContextSource } from './parse/find-contexts.ts';

export interface ContextOutput {
  readonly context: string;
  /** Folder the generated code belongs in, relative to the root (`generated/<ctx>`). */
  readonly outDir: string;
  /**
   * Every folder this context's output owns (`generated/<ctx>` and `sdk/<ctx>`; `<outDir>/sdk`
   * for output sent elsewhere); each is replaced as a whole, so a file no longer generated disappears.
   */
  readonly folders: readonly string[];
  readonly files: readonly GeneratedFile[];
  readonly problems: readonly ContractProblem[];
  readonly model?: ContractModel;
  /** Every file the contract was read from. */
  readonly sources: readonly string[];
}

/**
 * @param root repository root; file names in output and problems are relative to it
 * @example const out = await generateContext('/repo', { name: 'orders', contractFile: '/repo/contracts/orders/openapi.yaml' });
 */
export async function generateContext(
  root: string,
  source: ContextSource,
  outDir = `generated/${source.name}`,
  // Output sent elsewhere (tests, the corpus check) keeps its SDK beside it, never in sdk/.
  sdkDir = outDir === `generated/${source.name}` ? `sdk/${source.name}` : `${outDir}/sdk`,
): Promise<ContextOutput> {
  const shownFile = relative(root, source.contractFile);
  const bundled = await bundleContract(source.contractFile, root);
  const base = { context: source.name, outDir, folders: [outDir, sdkDir], sources: bundled.files };
  if (bundled.problems.some((p) => p.severity === 'error'))
    return { ...base, files: [], problems: bundled.problems };

  const { model, problems } = buildModel(source.name, bundled, shownFile);
  if (problems.hasErrors)
    return { ...base, files: [], problems: [...bundled.problems, ...problems.items], model };

  const emitted = await Promise.all([
    emitTypes(model, outDir, problems),
    emitHandlers(model, outDir),
    emitRoutes(model, outDir),
    emitValidators(model, outDir, problems),
    emitSdk(model, sdkDir, { scope: loadConfig(root).sdk.scope }),
  ]);
  const files = problems.hasErrors ? [] : emitted.flat().sort((a, b) => a.path.localeCompare(b.path));
  return { ...base, files, problems: [...bundled.problems, ...problems.items], model };
}
