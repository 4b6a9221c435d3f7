/**
 * `types.gen.ts`: openapi-typescript's `paths`, `components` and `operations` types, the types
 * openapi-fetch and the generated handler types are built on.
 * @module
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { ContractModel } from '../../model/model.ts';
import type { ProblemList } from '../../model/problems.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';

/** @example const [file] = await emitTypes(model, 'generated/orders', problems); */
export async function emitTypes(
  model: ContractModel,
  outDir: string,
  problems: ProblemList,
): Promise<GeneratedFile[]> {
  try {
    // A default does not make a request field required: bodies are validated as sent, never filled.
    const ast = await openapiTS(structuredClone(model.bundled) as never, {
      silent: true,
      defaultNonNullable: false,
    });
    return [
      { path: `${outDir}/types.gen.ts`, contents: `${doNotEditHeader(model.sourceFile)}${astToString(ast)}` },
    ];
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
