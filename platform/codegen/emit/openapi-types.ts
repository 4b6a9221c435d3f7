/**
 * openapi-typescript's rendering of a contract (`paths`, `components`, `operations`), shared by
 * the emitters that embed it — `generated/<ctx>/types.gen.ts` and each SDK's own copy — and
 * computed once per model, since large contracts take seconds.
 * @module
 */
import openapiTS, { astToString } from 'openapi-typescript';
import type { ContractModel } from '../model/model.ts';

const rendered = new WeakMap<ContractModel, Promise<string>>();

/**
 * Rejects with openapi-typescript's error when it cannot render the contract.
 * @example const source = await openapiTypesSource(model);
 */
export function openapiTypesSource(model: ContractModel): Promise<string> {
  let source = rendered.get(model);
  if (!source) {
    source = render(model);
    rendered.set(model, source);
  }
  return source;
}

async function render(model: ContractModel): Promise<string> {
  // A default does not make a request field required: bodies are validated as sent, never filled.
  const ast = await openapiTS(structuredClone(model.bundled) as never, {
    silent: true,
    defaultNonNullable: false,
  });
  return astToString(ast);
}
