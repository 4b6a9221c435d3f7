/**
 * The function behind a context's migrations custom resource: infra/migrations bundled by
 * esbuild during synthesis (locally, no Docker) with the context's SQL files beside it, Node 22
 * on arm64, inside the VPC next to the RDS Proxy.
 * @module
 */

import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as esbuild from 'esbuild';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * A stable hash of a migrations folder: a changed, added or removed file changes it, which makes
 * CloudFormation update the custom resource and so apply them.
 * @example migrationsHash('handlers/orders/migrations')
 */
export function migrationsHash(dir: string): string {
  const hash = createHash('sha256');
  if (existsSync(dir))
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.sql'))
      .sort())
      hash
        .update(name)
        .update('\0')
        .update(readFileSync(join(dir, name)))
        .update('\0');
  return hash.digest('hex');
}

/** The migration function's code for one context's migrations folder. */
export function migrationCode(migrationsDir: string): lambda.Code {
  return lambda.Code.fromAsset(SOURCE, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling always succeeds.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: {
        tryBundle(outputDir: string): boolean {
          esbuild.buildSync({
            entryPoints: [join(SOURCE, 'handler.ts')],
            outfile: join(outputDir, 'index.mjs'),
            bundle: true,
            platform: 'node',
            target: 'node22',
            format: 'esm',
            minify: true,
            legalComments: 'none',
            logLevel: 'silent',
            // The Lambda runtime provides the AWS SDK; pg's native binding is never used.
            external: ['@aws-sdk/*', 'pg-native'],
            banner: {
              js: "import{createRequire as __charterRequire}from'node:module';const require=__charterRequire(import.meta.url);",
            },
          });
          if (existsSync(migrationsDir))
            cpSync(migrationsDir, join(outputDir, 'migrations'), { recursive: true });
          return true;
        },
      },
    },
  });
}
