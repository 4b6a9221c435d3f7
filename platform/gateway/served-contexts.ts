/**
 * Reads what the gateway serves of each context: the bundled contract (for docs, mocks and the
 * security schemes an authorizer would check) and the function spec its worker starts with.
 * @module
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildModel } from '../codegen/model/build-model.ts';
import type { ContractModel } from '../codegen/model/model.ts';
import { formatProblem } from '../codegen/model/problems.ts';
import { bundleContract } from '../codegen/parse/bundle-contract.ts';
import type { ContextSource } from '../codegen/parse/find-contexts.ts';
import type { SecuritySchemeSpec } from '../runtime/index.ts';
import type { FunctionSpec } from './functions/protocol.ts';

export interface LoadedContract {
  readonly model: ContractModel;
  readonly securitySchemes: readonly SecuritySchemeSpec[];
  readonly methods: readonly string[];
}

/** @throws Error listing every problem when the contract cannot be read */
export async function loadContract(root: string, source: ContextSource): Promise<LoadedContract> {
  const bundled = await bundleContract(source.contractFile, root);
  const built =
    bundled.problems.length === 0
      ? buildModel(source.name, bundled, relative(root, source.contractFile))
      : undefined;
  const problems = [...bundled.problems, ...(built?.problems.items ?? [])].filter(
    (p) => p.severity === 'error',
  );
  if (!built || problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  const { model } = built;
  return {
    model,
    securitySchemes: model.securitySchemes.map(({ name: _name, ...scheme }) => scheme),
    methods: [...new Set(model.operations.map((op) => op.method.toUpperCase()))].sort(),
  };
}

/** The worker spec of a context: its generated routes, its handlers (unless mocked), its environment. */
export function functionSpecFor(
  root: string,
  context: string,
  mockDocument: Record<string, unknown> | undefined,
  env: Record<string, string>,
): FunctionSpec {
  const handlers = join(root, 'handlers', context, 'index.ts');
  return {
    context,
    routesModule: pathToFileURL(join(root, 'generated', context, 'routes.gen.ts')).href,
    handlersModule: !mockDocument && existsSync(handlers) ? pathToFileURL(handlers).href : undefined,
    mock: mockDocument ? { document: mockDocument } : undefined,
    env: { ...env, CHARTER_CONTEXT: context, CHARTER_DATA_DIR: join(root, '.charter', 'data', context) },
  };
}

/** Base URLs of every context as functions see them (`CHARTER_URL_CATALOG=http://...`). */
export function serviceUrls(baseUrl: string, contexts: readonly string[]): Record<string, string> {
  return Object.fromEntries(contexts.map((c) => [`CHARTER_URL_${envName(c)}`, `${baseUrl}/${c}`]));
}

/** The local API key of each context that takes one (`CHARTER_API_KEY_RECOMMENDATIONS`), for SDK calls. */
export function serviceApiKeys(
  keys: Readonly<Record<string, { readonly context: string }>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(keys).map(([value, entry]) => [`CHARTER_API_KEY_${envName(entry.context)}`, value]),
  );
}

function envName(context: string): string {
  return context.toUpperCase().replaceAll('-', '_');
}
