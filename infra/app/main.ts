/**
 * Entry of the CDK app (`infra/cdk.json`): synthesizes every context of the repository from its
 * contract, `charter.config.json` and the bundles `charter bundle` wrote to dist/functions (and,
 * for Fargate contexts, the container recipes in dist/containers).
 * @module
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../platform/config/charter-config.ts';
import { loadContexts } from '../lib/config/load-contexts.ts';
import { ContainerCode } from '../lib/container/container-code.ts';
import { FunctionCode } from '../lib/functions/function-code.ts';
import { buildCharterApp } from './charter-app.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { app } = buildCharterApp({
  config: loadConfig(root),
  root,
  contexts: await loadContexts(root),
  code: FunctionCode.fromBundleDir(join(root, 'dist', 'functions')),
  containerCode: ContainerCode.fromBundleDir(join(root, 'dist', 'containers')),
});
app.synth();
