/**
 * `charter sdk pull <ctx> --lang <language> --rest-api-id ID --stage S [--out DIR]
 * [--param name=value ...] [--endpoint URL]`: API Gateway's generated SDK of a deployed stage,
 * unpacked (default `dist/apigateway-sdk/<ctx>/<lang>/`) with a `charter-sdk.json` record.
 * Exit codes: 0 pulled, 2 unusable input, 3 not found, 4 access denied, 5 throttled/unavailable.
 * @module
 */
import { relative, resolve } from 'node:path';
import { apiGatewayClient, endpointProblem } from '../../aws/api-gateway-client.ts';
import { pullSdk, RECORD_FILE } from '../../aws/pull-sdk.ts';
import { isSdkLanguage, SDK_LANGUAGES } from '../../aws/sdk-languages.ts';
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { loadConfig } from '../../config/charter-config.ts';
import { parseArgs } from '../args.ts';

const VALUED = ['lang', 'rest-api-id', 'stage', 'out', 'param', 'endpoint'];

export const SDK_PULL_USAGE = `usage: charter sdk pull <ctx> --lang ${SDK_LANGUAGES.join('|')} --rest-api-id ID --stage S
                        [--out DIR] [--param name=value ...] [--endpoint URL]`;

/** @example await runSdkPull(['catalog', '--lang', 'java', '--rest-api-id', 'a1b2c3', '--stage', 'prod'], process.cwd()) */
export async function runSdkPull(argv: string[], root: string): Promise<number> {
  const { positionals, flags, lists } = parseArgs(argv, VALUED);
  const fail = (why: string) => {
    console.error(`charter sdk pull: ${why}\n${SDK_PULL_USAGE}`);
    return 2;
  };
  const unknown = [...flags.keys()].filter((f) => !VALUED.includes(f));
  if (unknown.length > 0) return fail(`unknown option ${unknown.map((f) => `--${f}`).join(', ')}`);
  if (positionals.length !== 1) return fail('name exactly one context');
  const [name] = positionals;
  const context = findContexts(root).find((c) => c.name === name);
  if (!context) {
    const found = findContexts(root).map((c) => c.name);
    return fail(
      `no contract for "${name}" (looked for contracts/${name}/openapi.yaml; found: ${found.join(', ') || 'none'})`,
    );
  }
  const lang = flags.get('lang');
  if (!isSdkLanguage(lang))
    return fail(
      `--lang must be one of ${SDK_LANGUAGES.join(', ')}${typeof lang === 'string' ? ` (got "${lang}")` : ''}`,
    );
  const restApiId = flags.get('rest-api-id');
  const stage = flags.get('stage');
  if (typeof restApiId !== 'string' || restApiId === '')
    return fail('--rest-api-id needs the REST API id (e.g. a1b2c3d4e5)');
  if (typeof stage !== 'string' || stage === '') return fail('--stage needs the stage name (e.g. prod)');
  const endpoint = flags.get('endpoint');
  const badEndpoint = endpointProblem(endpoint);
  if (badEndpoint) return fail(badEndpoint);
  const parameters: Record<string, string> = {};
  for (const pair of lists.get('param') ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) return fail(`--param "${pair}" is not name=value (e.g. --param classPrefix=Shop)`);
    parameters[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (flags.get('param') === true) return fail('--param needs name=value');
  const out = flags.get('out');
  if (out === true) return fail('--out needs a folder');
  const outDir = resolve(root, out ?? `dist/apigateway-sdk/${name}/${lang}`);

  const result = await pullSdk(root, apiGatewayClient({ endpoint: endpoint as string | undefined }), {
    context,
    language: lang,
    stage: { restApiId, stage },
    outDir,
    parameters,
    scope: loadConfig(root).sdk.scope,
  });
  if (!result.ok) {
    console.error(`charter sdk pull: ${result.message}`);
    return result.exitCode;
  }
  const { record } = result;
  const shown = relative(root, outDir) || '.';
  console.error(
    `charter sdk pull: ${name}: ${lang} SDK of ${restApiId}/${stage} unpacked to ${shown} (${record.archive.files} files); ` +
      `${shown}/${RECORD_FILE} records contract ${record.contract.file} ${record.contract.version} (${record.contract.sha256.slice(0, 19)}…)`,
  );
  for (const warning of result.warnings) console.error(`  warning: ${warning}`);
  return 0;
}
