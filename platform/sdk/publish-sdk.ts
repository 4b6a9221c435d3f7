/**
 * `charter sdk publish` for one context: publishes the packed tarball of the SDK's current
 * version, unless the registry has that version already. The same bytes there is a success
 * (publishing is repeatable); different bytes is refused, because a published version must
 * never change under its users.
 * @module
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { npm, npmError } from './npm.ts';
import { PACK_DIR, readSdkPackage, tarballName } from './sdk-package.ts';
import { integrityOf } from './tarball.ts';

interface Published {
  readonly name: string;
  readonly version: string;
}

export type PublishResult =
  | (Published & { readonly status: 'published' })
  | (Published & { readonly status: 'already-published' })
  | (Published & { readonly status: 'refused'; readonly reason: string })
  | (Published & { readonly status: 'failed'; readonly reason: string });

export interface PublishOptions {
  readonly registry: string;
  /** npm dist-tag. @default npm's default, `latest` */
  readonly tag?: string;
}

/** @example const result = await publishSdk('/repo', 'catalog', { registry: 'http://127.0.0.1:4873' }); */
export async function publishSdk(
  root: string,
  context: string,
  options: PublishOptions,
): Promise<PublishResult> {
  const pkg = readSdkPackage(root, context);
  if (!pkg) {
    return {
      status: 'failed',
      name: context,
      version: '',
      reason: `sdk/${context} is missing; run \`npx charter generate\``,
    };
  }
  const { name, version } = pkg;
  const tarball = join(root, PACK_DIR, tarballName(name, version));
  if (!existsSync(tarball)) {
    const reason = `${relative(root, tarball)} is missing; run \`npx charter sdk pack ${context}\` first`;
    return { status: 'failed', name, version, reason };
  }
  const local = integrityOf(tarball);
  const registry = ['--registry', options.registry];

  const view = await npm(
    ['view', `${name}@${version}`, 'dist.integrity', '--json', '--prefer-online', ...registry],
    {
      cwd: root,
    },
  );
  const missing =
    view.code !== 0 && /E404|404 Not Found|is not in this registry/.test(view.stderr + view.stdout);
  if (view.code !== 0 && !missing)
    return { status: 'failed', name, version, reason: `npm view failed: ${npmError(view)}` };
  const published =
    view.code === 0 && view.stdout.trim() !== '' ? (JSON.parse(view.stdout) as string) : undefined;
  if (published === local) return { status: 'already-published', name, version };
  if (published !== undefined) {
    const reason =
      `${name}@${version} is already published with different content (registry ${published.slice(0, 20)}…, ` +
      `local ${local.slice(0, 20)}…); bump info.version in the contract, regenerate and pack`;
    return { status: 'refused', name, version, reason };
  }

  const tag = options.tag ? ['--tag', options.tag] : [];
  const publish = await npm(['publish', tarball, '--ignore-scripts', ...tag, ...registry], { cwd: root });
  if (publish.code !== 0)
    return { status: 'failed', name, version, reason: `npm publish failed: ${npmError(publish)}` };
  return { status: 'published', name, version };
}
