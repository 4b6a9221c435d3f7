/**
 * The credentials fuzz requests carry, so valid requests reach validation and handlers: against
 * a local gateway, a dev token with every scope the contract names and the local API keys;
 * against a deployed URL, what the user passes (--token, --api-key).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractModel } from '../codegen/model/model.ts';
import { loadDevKeys, mintDevToken } from '../gateway/auth/dev-keys.ts';

export interface CredentialOptions {
  readonly root: string;
  readonly local: boolean;
  readonly token?: string;
  readonly apiKey?: string;
}

/** Headers (and a cookie) carrying every credential the context's schemes accept. */
export async function credentialHeaders(
  model: ContractModel,
  options: CredentialOptions,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const scopes = [
    ...new Set(model.operations.flatMap((op) => op.security.flatMap((r) => Object.values(r).flat()))),
  ];
  const needsBearer = model.securitySchemes.some((s) => s.type !== 'apiKey');
  if (needsBearer) {
    const token =
      options.token ??
      (options.local
        ? await mintDevToken(await loadDevKeys(options.root), { subject: 'charter-fuzz', scopes })
        : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
  }
  const key = options.apiKey ?? (options.local ? localApiKey(options.root, model.context) : undefined);
  for (const scheme of model.securitySchemes) {
    if (scheme.type !== 'apiKey' || !key || !scheme.parameterName) continue;
    if (scheme.in === 'header') headers[scheme.parameterName.toLowerCase()] = key;
    if (scheme.in === 'cookie') headers.cookie = `${scheme.parameterName}=${key}`;
  }
  return headers;
}

function localApiKey(root: string, context: string): string | undefined {
  const file = join(root, '.charter/api-keys.json');
  if (!existsSync(file)) return undefined;
  const store = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { context: string }>;
  return Object.entries(store).find(([, entry]) => entry.context === context)?.[0];
}
