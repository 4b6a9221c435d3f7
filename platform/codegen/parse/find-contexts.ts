/**
 * Finds the bounded contexts of a repository: every `contracts/<ctx>/openapi.(yaml|yml|json)`.
 * @module
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ContextSource {
  readonly name: string;
  readonly contractFile: string;
}

const ENTRY_NAMES = ['openapi.yaml', 'openapi.yml', 'openapi.json'];

/** A context name becomes a URL segment, a folder and an npm package name. */
export const CONTEXT_NAME = /^[a-z][a-z0-9-]*$/;

/** @example findContexts('/repo') // [{ name: 'catalog', contractFile: '/repo/contracts/catalog/openapi.yaml' }] */
export function findContexts(root: string): ContextSource[] {
  const dir = join(root, 'contracts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const entryName = ENTRY_NAMES.find((n) => existsSync(join(dir, entry.name, n)));
      return entryName ? { name: entry.name, contractFile: join(dir, entry.name, entryName) } : undefined;
    })
    .filter((c): c is ContextSource => c !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}
