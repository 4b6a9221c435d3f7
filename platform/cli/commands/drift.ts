/**
 * `charter drift <ctx> --rest-api-id ID --stage S [--format text|markdown|json] [--endpoint URL]`:
 * compares a deployed stage with its contract, printed exactly like `charter diff` (the contract
 * is the base, the stage the head). Exit codes: 0 no breaking drift, 1 breaking drift,
 * 2 unusable input, 3 not found, 4 access denied, 5 throttled/unavailable.
 * @module
 */
import { apiGatewayClient, endpointProblem } from '../../aws/api-gateway-client.ts';
import { stageDrift } from '../../aws/drift/stage-drift.ts';
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { loadConfig } from '../../config/charter-config.ts';
import { formatJson, formatMarkdown, formatText } from '../../review/index.ts';
import { parseArgs } from '../args.ts';

const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;
const VALUED = ['rest-api-id', 'stage', 'format', 'endpoint'];

const USAGE = `usage: charter drift <ctx> --rest-api-id ID --stage S [--format text|markdown|json] [--endpoint URL]`;

/** @example await runDrift(['orders', '--rest-api-id', 'a1b2c3', '--stage', 'prod'], process.cwd()) */
export async function runDrift(argv: string[], root: string): Promise<number> {
  const { positionals, flags } = parseArgs(argv, VALUED);
  const fail = (why: string) => {
    console.error(`charter drift: ${why}\n${USAGE}`);
    return 2;
  };
  const unknown = [...flags.keys()].filter((f) => !VALUED.includes(f));
  if (unknown.length > 0) return fail(`unknown option ${unknown.map((f) => `--${f}`).join(', ')}`);
  const format = flags.get('format') ?? 'text';
  if (typeof format !== 'string' || !(format in FORMATS))
    return fail('--format must be text, markdown or json');
  if (positionals.length !== 1) return fail('name exactly one context');
  const [name] = positionals;
  const available = findContexts(root);
  const context = available.find((c) => c.name === name);
  if (!context) {
    return fail(
      `no contract for "${name}" (looked for contracts/${name}/openapi.yaml; found: ${available.map((c) => c.name).join(', ') || 'none'})`,
    );
  }
  const restApiId = flags.get('rest-api-id');
  const stage = flags.get('stage');
  if (typeof restApiId !== 'string' || restApiId === '')
    return fail('--rest-api-id needs the REST API id (e.g. a1b2c3d4e5)');
  if (typeof stage !== 'string' || stage === '') return fail('--stage needs the stage name (e.g. prod)');
  const endpoint = flags.get('endpoint');
  const badEndpoint = endpointProblem(endpoint);
  if (badEndpoint) return fail(badEndpoint);

  const run = await stageDrift(
    root,
    apiGatewayClient({ endpoint: endpoint as string | undefined }),
    context,
    { restApiId, stage },
    loadConfig(root),
  );
  if (!run.ok) {
    console.error(`charter drift: ${run.message}`);
    return run.exitCode;
  }
  console.error(
    `charter drift: ${name}: ${run.contract.file} ${run.contract.version || '(no version)'} (agreed, base) → ` +
      `REST API ${restApiId} stage ${stage} ${run.deployed.version || '(no version)'} (deployed, head)`,
  );
  console.log(FORMATS[format as keyof typeof FORMATS]([run.report]));
  return run.report.fails ? 1 : 0;
}
