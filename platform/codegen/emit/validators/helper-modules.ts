/**
 * The shared modules generated validators import their runtime helpers from
 * (`shared/<helper>.gen.mjs`), each bundled once per process from the installed library.
 * Kept apart from standalone-module.ts so compile workers never load esbuild.
 * @module
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { HELPERS } from './standalone-module.ts';

const PLATFORM_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const built = new Map<string, Promise<string>>();

/**
 * The shared module of one helper, bundled from the installed library (once per process).
 * @returns the module's code, without header
 */
export function helperModule(local: string): Promise<string> {
  let code = built.get(local);
  if (!code) {
    code = bundleHelper(local);
    built.set(local, code);
  }
  return code;
}

async function bundleHelper(local: string): Promise<string> {
  const helper = Object.values(HELPERS).find((h) => h.local === local);
  if (!helper) throw new Error(`unknown validator helper ${local}`);
  const result = await esbuild.build({
    stdin: { contents: helper.source, resolveDir: PLATFORM_DIR, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    legalComments: 'none',
    absWorkingDir: PLATFORM_DIR,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
