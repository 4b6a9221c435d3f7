/**
 * Reads one side of a diff: bundles the contract (multi-file contracts included) with the same
 * Redocly bundler codegen uses, and refuses what cannot be compared — that is exit code 2.
 * @module
 */
import { relative } from 'node:path';
import { bundleContract } from '../../../codegen/parse/bundle-contract.ts';
import { ContractDocument } from './contract-document.ts';

export type LoadResult =
  | { readonly ok: true; readonly document: ContractDocument }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * @param file entry document of the contract
 * @param root directory file names are shown relative to
 * @param shownAs name to report instead of the path (e.g. `orders@main`)
 * @example const loaded = await loadContract('contracts/orders/openapi.yaml', process.cwd());
 */
export async function loadContract(file: string, root: string, shownAs?: string): Promise<LoadResult> {
  const shown = shownAs ?? (relative(root, file) || file);
  const bundled = await bundleContract(file, root);
  const errors = bundled.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return { ok: false, problems: errors.map((p) => `${shown}#${p.pointer}: ${p.message} (fix: ${p.fix})`) };
  }
  const openapi = String(bundled.document.openapi ?? '');
  if (!/^3\.[01]\./.test(openapi)) {
    const what = bundled.document.swagger
      ? `Swagger ${String(bundled.document.swagger)}`
      : `openapi: "${openapi}"`;
    return {
      ok: false,
      problems: [`${shown}: ${what} is not supported; charter diff reads OpenAPI 3.0 and 3.1`],
    };
  }
  return { ok: true, document: new ContractDocument(bundled.document, shown) };
}
