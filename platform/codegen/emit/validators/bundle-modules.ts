/**
 * Bundles ajv's standalone output with esbuild. ajv's "ESM" output still calls `require()` for
 * its runtime helpers (formats, ucs2length); bundling turns those into real ESM so a function
 * starts without ajv, and splitting keeps helpers shared by many operations in one chunk.
 * @module
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const PLATFORM_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const NAMESPACE = 'charter-virtual';

export interface ModuleSource {
  /** Output name without extension, e.g. `operations/placeOrder`. */
  readonly name: string;
  readonly source: string;
}

/**
 * @param entries modules that become output files
 * @param libraries modules entries import as `charter-virtual:<name>`; bundled into them
 * @returns output files by path relative to `outDir`, e.g. `operations/placeOrder.gen.mjs`
 */
export async function bundleModules(
  entries: readonly ModuleSource[],
  libraries: readonly ModuleSource[],
  banner: string,
): Promise<Map<string, string>> {
  const byName = new Map([...entries, ...libraries].map((m) => [m.name, m.source]));
  const result = await esbuild.build({
    entryPoints: entries.map((m) => ({ in: `${NAMESPACE}:${m.name}`, out: `${m.name}.gen` })),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: '/out',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'shared/[name]-[hash].gen',
    write: false,
    legalComments: 'none',
    banner: { js: banner },
    absWorkingDir: PLATFORM_DIR,
    logLevel: 'silent',
    plugins: [
      {
        name: 'charter-virtual-modules',
        setup(build) {
          build.onResolve({ filter: new RegExp(`^${NAMESPACE}:`) }, (args) => ({
            path: args.path.slice(NAMESPACE.length + 1),
            namespace: NAMESPACE,
          }));
          build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
            contents: byName.get(args.path),
            loader: 'js',
            resolveDir: PLATFORM_DIR,
          }));
        },
      },
    ],
  });
  const files = new Map<string, string>();
  for (const file of result.outputFiles) {
    files.set(file.path.replace(/^\/out\//, ''), file.text);
  }
  return files;
}
