/**
 * The source of one function's entry module: only its own operations' validators and handlers,
 * wired into the Lambda adapter. esbuild bundles it; nothing here runs at build time.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractModel } from '../codegen/model/model.ts';
import { kebabCase } from '../codegen/model/names.ts';
import type { PlannedFunction } from './plan-functions.ts';

export interface EntryPaths {
  readonly root: string;
  readonly runtimeLambda: string;
}

/** @returns the entry source, and which operations have no handler (they answer 501). */
export function functionEntrySource(
  model: ContractModel,
  fn: PlannedFunction,
  paths: EntryPaths,
): { source: string; unimplemented: string[] } {
  const handlersDir = join(paths.root, 'handlers', model.context);
  const lines = [`import { createLambdaHandler } from ${JSON.stringify(paths.runtimeLambda)};`];
  const routes: string[] = [];
  const handlers: string[] = [];
  const unimplemented: string[] = [];
  // A single operation's validators are imported up front: its first request needs them. A
  // function serving several loads each operation's module on its first request, so a cold
  // start does not parse the validators of operations it may never serve.
  const lazy = fn.operations.length > 1;
  fn.operations.forEach((op, index) => {
    const module = join(paths.root, 'generated', model.context, 'operations', `${op.identifier}.gen.mjs`);
    if (!lazy) lines.push(`import operation${index} from ${JSON.stringify(module)};`);
    const load = lazy
      ? `() => import(${JSON.stringify(module)})`
      : `async () => ({ default: operation${index} })`;
    routes.push(
      `{ operationId: ${JSON.stringify(op.operationId)}, method: ${JSON.stringify(op.method.toUpperCase())}, path: ${JSON.stringify(op.path)}, load: ${load} }`,
    );
    const handlerFile = join(handlersDir, `${kebabCase(op.identifier)}.ts`);
    if (existsSync(handlerFile)) {
      lines.push(`import { ${op.identifier} as handler${index} } from ${JSON.stringify(handlerFile)};`);
      handlers.push(`${JSON.stringify(op.operationId)}: handler${index}`);
    } else {
      unimplemented.push(op.operationId);
    }
  });
  const depsFile = join(handlersDir, 'deps.ts');
  const hasDeps = existsSync(depsFile) && handlers.length > 0;
  if (hasDeps) lines.push(`import { createDeps } from ${JSON.stringify(depsFile)};`);
  lines.push(
    '',
    '// Created once per execution environment (cold start), never per request.',
    `const deps = ${hasDeps ? 'await createDeps()' : '{}'};`,
    'export const handler = createLambdaHandler({',
    `  routes: { context: ${JSON.stringify(model.context)}, title: ${JSON.stringify(model.title)}, version: ${JSON.stringify(model.version)}, routes: [${routes.join(', ')}], loadResponseValidators: async () => ({ default: {} }) },`,
    `  handlers: { ${handlers.join(', ')} },`,
    '  deps,',
    "  responseValidation: 'off',",
    '});',
    '',
  );
  return { source: lines.join('\n'), unimplemented };
}
