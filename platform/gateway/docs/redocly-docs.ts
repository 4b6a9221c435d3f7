/**
 * API reference pages from Redocly's `build-docs`, built with `--inlineBundle` so they render
 * with no network, and cached per contract content.
 * @module
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const REDOCLY_BIN = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

/**
 * @returns the HTML of the reference page for a bundled contract
 * @example const html = await buildReferencePage('/repo', 'catalog', bundledDocument);
 */
export async function buildReferencePage(
  root: string,
  context: string,
  document: Record<string, unknown>,
): Promise<string> {
  const text = JSON.stringify(document);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const dir = join(root, '.charter/docs');
  const html = join(dir, `${context}-${hash}.html`);
  if (existsSync(html)) return readFileSync(html, 'utf8');
  mkdirSync(dir, { recursive: true });
  const input = join(dir, `${context}-${hash}.json`);
  writeFileSync(input, text);
  await run(
    process.execPath,
    [REDOCLY_BIN, 'build-docs', input, '--inlineBundle', '-o', html, '--title', `${context} API`],
    {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return readFileSync(html, 'utf8');
}
