/**
 * `charter generate [--check] [ctx...]` on a repository where nothing changed, answered before
 * TypeScript support loads (starting tsx costs more than the whole check). It only ever says
 * "unchanged": whenever a context is not provably unchanged (see generation-record.mjs), or the
 * arguments hold anything but context names and --check, it returns undefined and the full
 * command (commands/generate.ts) decides everything, messages and exit codes included.
 * @module
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isUnchanged } from '../../codegen/write/generation-record.mjs';

/** Entry files of a context, as codegen/parse/find-contexts.ts looks for them. */
const ENTRY_NAMES = ['openapi.yaml', 'openapi.yml', 'openapi.json'];

/**
 * @param {readonly string[]} argv the arguments after `generate`
 * @param {string} root the repository root
 * @returns {Promise<number | undefined>} 0 when every selected context is unchanged, else undefined
 */
export async function generateIfUnchanged(argv, root) {
  const started = performance.now();
  /** @type {string[]} */
  const names = [];
  let check = false;
  for (const arg of argv) {
    if (arg === '--check') check = true;
    else if (arg.startsWith('-')) return undefined;
    else names.push(arg);
  }
  const dir = join(root, 'contracts');
  if (!existsSync(dir)) return undefined;
  const contexts = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ENTRY_NAMES.some((n) => existsSync(join(dir, e.name, n))))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  if (contexts.length === 0 || names.some((name) => !contexts.includes(name))) return undefined;
  const selected = names.length > 0 ? contexts.filter((c) => names.includes(c)) : contexts;
  for (const context of selected) {
    if (!(await isUnchanged(root, context))) return undefined;
  }
  for (const context of selected) {
    console.error(
      `charter generate: ${context}: unchanged since the last run (contract, config, generator and output hashes match)`,
    );
  }
  const took = `${Math.round(performance.now() - started)} ms`;
  console.error(`charter generate: ${check ? `generated code is up to date (${took})` : `done (${took})`}`);
  return 0;
}
