/**
 * `sdk/<ctx>/`: a publishable npm package per context — `createClient`, one function per
 * operation, openapi-typescript's types, the shared client runtime, package.json and README.
 * `charter sdk pack` compiles it to ESM with declarations; nothing here runs a compiler.
 * @module
 */
import type { ContractModel } from '../../model/model.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';
import { openapiTypesSource } from '../openapi-types.ts';
import { clientSource, indexSource } from './emit-client.ts';
import { operationsSource } from './emit-operations.ts';
import { packageJson } from './emit-package-json.ts';
import { readme } from './emit-readme.ts';
import { runtimeFiles } from './runtime-files.ts';
import { packageName } from './sdk-names.ts';

export interface SdkOptions {
  /** npm scope of the package, from charter.config.json's `sdk.scope`. */
  readonly scope: string;
}

/**
 * @param sdkDir the package folder, relative to the repository root (`sdk/<ctx>`)
 * @example const files = await emitSdk(model, 'sdk/catalog', { scope: '@shop' });
 */
export async function emitSdk(
  model: ContractModel,
  sdkDir: string,
  options: SdkOptions,
): Promise<GeneratedFile[]> {
  let types: string;
  try {
    types = await openapiTypesSource(model);
  } catch {
    // The types emitter reports why openapi-typescript failed; without types there is no SDK.
    return [];
  }
  const name = packageName(options.scope, model.context);
  const header = doNotEditHeader(model.sourceFile);
  const source = (file: string, text: string): GeneratedFile => ({
    path: `${sdkDir}/src/${file}`,
    contents: `${header}${text}`,
  });
  return [
    { path: `${sdkDir}/package.json`, contents: packageJson(model, name) },
    { path: `${sdkDir}/README.md`, contents: readme(model, name) },
    source('index.gen.ts', indexSource(model)),
    source('client.gen.ts', clientSource(model)),
    source('operations.gen.ts', operationsSource(model)),
    source('types.gen.ts', types),
    ...runtimeFiles(sdkDir, model.sourceFile),
  ];
}
