/**
 * The lint configuration: the repository's `redocly.yaml` (the house ruleset and the list of
 * contracts) with the platform rules plugged in. Redocly's own CLI reads the same file, so
 * `npx redocly lint` and `charter lint` agree on every Redocly rule.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Config, createConfig, loadConfig } from '@redocly/openapi-core';
import { charterPlugin, PLATFORM_RULES } from './charter-plugin.ts';

export interface LintTarget {
  /** Context name, when the file is `contracts/<ctx>/openapi.yaml`. */
  readonly context?: string;
  /** Absolute `handlers/<ctx>` folder checked by `charter/operation-handler`. */
  readonly handlersDir?: string;
  readonly shownHandlersDir?: string;
}

const loaded = new Map<string, Promise<Config>>();

function base(root: string): Promise<Config> {
  let config = loaded.get(root);
  if (!config) {
    const file = join(root, 'redocly.yaml');
    // Without a house ruleset, Redocly's recommended one still applies.
    config = existsSync(file)
      ? loadConfig({ configPath: file, plugins: [charterPlugin] })
      : createConfig({ extends: ['recommended'] }, { plugins: [charterPlugin] });
    loaded.set(root, config);
  }
  return config;
}

/**
 * @example const config = await lintConfigFor('/repo', { context: 'orders', handlersDir: '/repo/handlers/orders' });
 */
export async function lintConfigFor(root: string, target: LintTarget): Promise<Config> {
  // An api entry of redocly.yaml carries its own resolved rules, so pick it before adding ours.
  const house = (await base(root)).forAlias(target.context);
  const rules = {
    ...house.resolvedConfig.rules,
    [PLATFORM_RULES.handler]: {
      severity: 'error',
      handlersDir: target.handlersDir,
      shownDir: target.shownHandlersDir,
    },
    [PLATFORM_RULES.functionGroup]: 'error',
    [PLATFORM_RULES.lambdaOnly]: 'warn',
  };
  return new Config({ ...house.resolvedConfig, rules } as Config['resolvedConfig'], {
    configPath: house.configPath,
    document: house.document,
    resolvedRefMap: house.resolvedRefMap,
    plugins: house.plugins,
    ignore: house.ignore,
  });
}
