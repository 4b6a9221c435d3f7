/**
 * Brings a context's folders in line with its generated files, or (with `check`) only reports
 * what differs. Shared by `charter generate` and the dev gateway's hot reload.
 * @module
 */
import type { ContextOutput } from '../generate.ts';
import { findDrift, replaceFolder } from './write-output.ts';

export interface SyncResult {
  readonly stale: readonly string[];
  readonly extra: readonly string[];
}

/** @example const { stale, extra } = await syncContextOutput(root, output, { check: true }); */
export async function syncContextOutput(
  root: string,
  output: ContextOutput,
  options: { check: boolean },
): Promise<SyncResult> {
  const stale: string[] = [];
  const extra: string[] = [];
  for (const folder of output.folders) {
    const files = output.files.filter((file) => file.path.startsWith(`${folder}/`));
    const drift = await findDrift(root, folder, files);
    stale.push(...drift.stale);
    extra.push(...drift.extra);
    if (!options.check && drift.stale.length + drift.extra.length > 0)
      await replaceFolder(root, folder, files);
  }
  return { stale, extra };
}
