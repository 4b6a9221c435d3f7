/**
 * `types.gen.ts`: openapi-typescript's `paths`, `components` and `operations` types, the types
 * openapi-fetch and the generated handler types are built on.
 * @module
 */
import type { ContractModel } from '../../model/model.ts';
import type { ProblemList } from '../../model/problems.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';
import { openapiTypesSource } from '../openapi-types.ts';

/** @example const [file] = await emitTypes(model, 'generated/orders', problems); */
export async function emitTypes(
  model: ContractModel,
  outDir: string,
  problems: ProblemList,
): Promise<GeneratedFile[]> {
  try {
    const source = await openapiTypesSource(model);
    return [{ path: `${outDir}/types.gen.ts`, contents: `${doNotEditHeader(model.sourceFile)}${source}` }];
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.error(
      '',
      `openapi-typescript cannot generate types: ${message}`,
      'fix the contract as the message says',
    );
    return [];
  }
}
