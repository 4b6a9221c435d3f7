/**
 * The local identity provider: an ES256 key pair kept in `.charter/dev-jwks.json` (git-ignored),
 * created on first use. `charter dev token` signs with it; the gateway verifies against its
 * public half, as API Gateway's JWT authorizer verifies against a real issuer's JWKS.
 * @module
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';

export const DEV_ISSUER = 'https://charter.local/dev-issuer';
export const DEV_AUDIENCE = 'charter-local';
const ALGORITHM = 'ES256';

export interface DevKeys {
  readonly privateJwk: JWK;
  readonly publicJwks: { keys: JWK[] };
}

/** @example const keys = await loadDevKeys(process.cwd()); */
export async function loadDevKeys(root: string): Promise<DevKeys> {
  const file = join(root, '.charter/dev-jwks.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  const keys: DevKeys = { privateJwk, publicJwks: { keys: [publicJwk] } };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

export interface TokenOptions {
  readonly subject: string;
  readonly scopes?: readonly string[];
  /** @default 3600 */
  readonly expiresInSeconds?: number;
  readonly claims?: Record<string, unknown>;
}

/**
 * Mints a dev token the local gateway accepts.
 * @example await mintDevToken(keys, { subject: 'u1', scopes: ['orders:write'] })
 */
export async function mintDevToken(keys: DevKeys, options: TokenOptions): Promise<string> {
  const key = await importJWK(keys.privateJwk, ALGORITHM);
  return new SignJWT({ ...options.claims, scope: (options.scopes ?? []).join(' ') })
    .setProtectedHeader({ alg: ALGORITHM, kid: keys.privateJwk.kid, typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.expiresInSeconds ?? 3600}s`)
    .sign(key);
}
