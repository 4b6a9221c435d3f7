/**
 * Reads every context the CDK app deploys: its contract model, and which operations have no
 * handler yet (deployed anyway, answering 501, unless `deploy.requireHandlers` is on).
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractModel } from '../../../platform/codegen/model/model.ts';
import { kebabCase } from '../../../platform/codegen/model/names.ts';
import { type ContextSource, findContexts } from '../../../platform/codegen/parse/find-contexts.ts';
import { loadContract } from '../../../platform/gateway/served-contexts.ts';

export interface LoadedContext {
  readonly model: ContractModel;
  /** operationIds without `handlers/<ctx>/<operation>.ts`. */
  readonly unimplemented: readonly string[];
}

/** @example const contexts = await loadContexts(process.cwd()); */
export async function loadContexts(
  root: string,
  sources: readonly ContextSource[] = findContexts(root),
): Promise<LoadedContext[]> {
  const loaded: LoadedContext[] = [];
  for (const source of sources) {
    const { model } = await loadContract(root, source);
    // The same rule as `charter bundle` (platform/bundle/function-entry.ts) uses.
    const unimplemented = model.operations
      .filter((op) => !existsSync(join(root, 'handlers', model.context, `${kebabCase(op.identifier)}.ts`)))
      .map((op) => op.operationId);
    loaded.push({ model, unimplemented });
  }
  return loaded;
}
