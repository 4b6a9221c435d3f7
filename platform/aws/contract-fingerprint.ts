/**
 * Which contract something was made from: its `info.version` and a hash over every file the
 * contract is read from (a split contract's files included), so a later change to any of them
 * shows even when nobody bumped the version.
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { formatProblem } from '../codegen/model/problems.ts';
import { bundleContract } from '../codegen/parse/bundle-contract.ts';

export interface ContractFingerprint {
  /** Relative to the repository root. */
  readonly file: string;
  readonly title: string;
  readonly version: string;
  /** `sha256:<hex>` over each source file's relative path and bytes, in path order. */
  readonly sha256: string;
}

export type FingerprintResult =
  | {
      readonly ok: true;
      readonly fingerprint: ContractFingerprint;
      readonly document: Record<string, unknown>;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** @example const result = await fingerprintContract('/repo', '/repo/contracts/catalog/openapi.yaml'); */
export async function fingerprintContract(root: string, contractFile: string): Promise<FingerprintResult> {
  const bundled = await bundleContract(contractFile, root);
  const errors = bundled.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: errors.map(formatProblem) };
  const hash = createHash('sha256');
  for (const file of [...bundled.files].sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  const info = (bundled.document.info ?? {}) as Record<string, unknown>;
  return {
    ok: true,
    document: bundled.document,
    fingerprint: {
      file: relative(root, contractFile),
      title: String(info.title ?? ''),
      version: String(info.version ?? ''),
      sha256: `sha256:${hash.digest('hex')}`,
    },
  };
}
