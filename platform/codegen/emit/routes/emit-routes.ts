/**
 * `routes.gen.ts`: the route table the runtime matches requests against. Each entry loads its
 * operation module on first use, so a function starts without the validators it never calls.
 * @module
 */
import type { ContractModel } from '../../model/model.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';

/** @example const [file] = emitRoutes(model, 'generated/orders'); */
export function emitRoutes(model: ContractModel, outDir: string): GeneratedFile[] {
  const operations = [...model.operations].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
  const entries = operations.map(
    (op) =>
      `  {\n    operationId: ${JSON.stringify(op.operationId)},\n    method: ${JSON.stringify(op.method.toUpperCase())},\n    path: ${JSON.stringify(op.path)},\n    load: () => import('./operations/${op.identifier}.gen.mjs'),\n  },`,
  );
  const contents = `${doNotEditHeader(model.sourceFile)}import type { ContextRoutes, RouteEntry } from '@charter/platform/runtime';

const routes: readonly RouteEntry[] = [
${entries.join('\n')}
];

/** The ${model.context} context: ${model.title} ${model.version}. */
export const contextRoutes: ContextRoutes = {
  context: ${JSON.stringify(model.context)},
  title: ${JSON.stringify(model.title)},
  version: ${JSON.stringify(model.version)},
  routes,
  loadResponseValidators: () => import('./responses.gen.mjs'),
};
`;
  return [{ path: `${outDir}/routes.gen.ts`, contents }];
}
