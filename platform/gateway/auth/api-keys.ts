/**
 * Local API keys, kept in `.charter/api-keys.json` (git-ignored) and created on first start:
 * one key per context that declares an apiKey security scheme, as a usage plan would issue.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Key value → key id (what API Gateway reports as `apiKeyId`). */
export type ApiKeyStore = Readonly<Record<string, { readonly id: string; readonly context: string }>>;

/**
 * Loads the store, adding a key for each listed context that has none yet.
 * @returns the store and the keys created by this call (to print once)
 */
export function loadApiKeys(
  root: string,
  contexts: readonly string[],
): { store: ApiKeyStore; created: string[] } {
  const file = join(root, '.charter/api-keys.json');
  const store: Record<string, { id: string; context: string }> = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : {};
  const created: string[] = [];
  for (const context of contexts) {
    if (Object.values(store).some((entry) => entry.context === context)) continue;
    const value = `dev_${context}_${randomBytes(18).toString('base64url')}`;
    store[value] = { id: `${context}-dev-key`, context };
    created.push(value);
  }
  if (created.length > 0 || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
  }
  return { store, created };
}

/** The key issued for a context, for printing and tests. */
export function apiKeyFor(store: ApiKeyStore, context: string): string | undefined {
  return Object.entries(store).find(([, entry]) => entry.context === context)?.[0];
}
