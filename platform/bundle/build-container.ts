/**
 * The container recipe of a context that runs on Fargate: its whole server (the generated
 * routes and validators, its handlers, the runtime core and the production HTTP server) in one
 * esbuild bundle, its SQL migrations next to it, and a Dockerfile over a minimal Node base image
 * (distroless: no shell, no package manager, a non-root user). infra/ builds the image from this
 * folder at deploy time; nothing here needs Docker.
 * @module
 */

import { existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { ContractModel } from '../codegen/model/model.ts';

const RUNTIME_HTTP = join(dirname(fileURLToPath(import.meta.url)), '../runtime/adapters/http/index.ts');

/** Minimal Node 22 for arm64 and amd64: no shell, runs as `nonroot`. */
export const BASE_IMAGE = 'gcr.io/distroless/nodejs22-debian12:nonroot';

export interface ContainerBundle {
  readonly context: string;
  /** `<out>/<ctx>`: the Docker build context. */
  readonly dir: string;
  readonly serverBytes: number;
  readonly migrations: boolean;
}

/**
 * The server's entry source: the context's routes and handlers behind `serveContext`.
 * @example containerEntrySource('/repo', 'recommendations')
 */
export function containerEntrySource(root: string, context: string): string {
  const handlers = join(root, 'handlers', context, 'index.ts');
  const routes = join(root, 'generated', context, 'routes.gen.ts');
  const lines = [
    `import { serveContext } from ${JSON.stringify(RUNTIME_HTTP)};`,
    `import { contextRoutes } from ${JSON.stringify(routes)};`,
  ];
  if (existsSync(handlers)) lines.push(`import * as implementation from ${JSON.stringify(handlers)};`);
  lines.push(
    '',
    'await serveContext({',
    '  routes: contextRoutes,',
    `  handlers: ${existsSync(handlers) ? 'implementation.handlers ?? {}' : '{}'},`,
    `  createDeps: ${existsSync(handlers) ? 'implementation.createDeps' : 'undefined'},`,
    '});',
    '',
  );
  return lines.join('\n');
}

/**
 * The Dockerfile `charter bundle` writes; `server.mjs` needs nothing beside it but `migrations/`.
 * @example dockerfile('recommendations')
 */
export function dockerfile(context: string, withMigrations: boolean): string {
  return [
    `# Written by charter bundle for the ${context} context; do not edit (run \`npx charter bundle ${context}\`).`,
    `FROM ${BASE_IMAGE}`,
    'WORKDIR /app',
    'COPY server.mjs ./',
    ...(withMigrations ? ['COPY migrations/ ./migrations/'] : []),
    'ENV NODE_ENV=production PORT=8080',
    'EXPOSE 8080',
    '# The image runs `node` as its entrypoint; SIGTERM reaches the server directly (PID 1).',
    'CMD ["server.mjs"]',
    '',
  ].join('\n');
}

/**
 * @example await bundleContainer({ root, model, outDir: 'dist/containers' })
 */
export async function bundleContainer(options: {
  readonly root: string;
  readonly model: ContractModel;
  readonly outDir: string;
}): Promise<ContainerBundle> {
  const { root, model } = options;
  const context = model.context;
  if (!existsSync(join(root, 'generated', context, 'routes.gen.ts')))
    throw new Error(
      `${context}: generated/${context} is missing; run \`npx charter generate ${context}\` first`,
    );
  const dir = join(options.outDir, context);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const result = await esbuild.build({
    stdin: {
      contents: containerEntrySource(root, context),
      resolveDir: root,
      sourcefile: `${context}-server-entry.mjs`,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    outfile: join(dir, 'server.mjs'),
    // PGlite is the laptop's database; on AWS the repositories talk to Aurora through pg.
    external: ['@electric-sql/pglite', 'pg-native'],
    banner: {
      js: "import{createRequire as __charterRequire}from'node:module';const require=__charterRequire(import.meta.url);",
    },
  });
  const code = result.outputFiles[0].contents;
  await writeFile(join(dir, 'server.mjs'), code);
  // Stores find their migrations beside the module (`new URL('./migrations/', import.meta.url)`).
  const migrations = join(root, 'handlers', context, 'migrations');
  const withMigrations = existsSync(migrations);
  if (withMigrations) await cp(migrations, join(dir, 'migrations'), { recursive: true });
  await writeFile(join(dir, 'Dockerfile'), dockerfile(context, withMigrations));
  await writeFile(join(dir, '.dockerignore'), '*\n!server.mjs\n!migrations/\n');
  return { context, dir, serverBytes: code.byteLength, migrations: withMigrations };
}
