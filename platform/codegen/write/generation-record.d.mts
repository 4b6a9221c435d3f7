/**
 * Types of generation-record.mjs: what `charter generate` records about each run, to skip
 * contexts nothing has touched.
 * @module
 */

/** What a finished run of one context leaves behind. */
export interface FinishedGeneration {
  readonly context: string;
  /** Folders the output owns, each replaced as a whole. */
  readonly folders: readonly string[];
  readonly files: readonly { readonly path: string; readonly contents: string }[];
  /** Every file the contract was read from (absolute, or relative to the root). */
  readonly sources: readonly string[];
}

/**
 * @returns true when the context's contract, the config, the generator and the generated files
 *   are all byte-for-byte what the last recorded run saw and wrote
 * @example if (await isUnchanged(root, 'orders')) console.error('orders: unchanged');
 */
export function isUnchanged(root: string, context: string): Promise<boolean>;

/**
 * Records a run whose files are now exactly what is on disk.
 * @example await recordGeneration(root, output);
 */
export function recordGeneration(root: string, output: FinishedGeneration): Promise<void>;
