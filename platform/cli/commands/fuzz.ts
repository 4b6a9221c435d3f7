/**
 * `charter fuzz [ctx...] [--url URL] [--runs N] [--seed S] [--token T] [--api-key K] [--no-hostile]`:
 * contract fuzzing against a running gateway (the local one by default, or a deployed URL).
 * @module
 */

import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { loadConfig } from '../../config/charter-config.ts';
import { formatReport } from '../../fuzz/format-report.ts';
import { fuzzContext } from '../../fuzz/run-fuzz.ts';
import { loadContract } from '../../gateway/served-contexts.ts';
import { parseArgs } from '../args.ts';

export async function runFuzz(argv: string[], root: string): Promise<number> {
  const args = parseArgs(argv, ['url', 'runs', 'seed', 'token', 'api-key']);
  const number = (name: string, fallback: number) => {
    const value = args.flags.get(name);
    return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : fallback;
  };
  const given = args.flags.get('url');
  const url = (typeof given === 'string' ? given : `http://127.0.0.1:${loadConfig(root).dev.port}`).replace(
    /\/$/,
    '',
  );
  // On loopback the gateway is `charter dev`: mint its dev tokens and read its local API keys.
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  const available = findContexts(root);
  const unknown = args.positionals.filter((n) => !available.some((c) => c.name === n));
  if (unknown.length > 0) {
    console.error(
      `charter fuzz: no contract for ${unknown.join(', ')}; found: ${available.map((c) => c.name).join(', ')}`,
    );
    return 2;
  }
  const selected =
    args.positionals.length > 0 ? available.filter((c) => args.positionals.includes(c.name)) : available;
  let failures = 0;
  for (const source of selected) {
    const { model } = await loadContract(root, source);
    const report = await fuzzContext(model, {
      root,
      local,
      contextUrl: `${url}/${source.name}`,
      runs: number('runs', 25),
      seed: number('seed', 42),
      token: typeof args.flags.get('token') === 'string' ? (args.flags.get('token') as string) : undefined,
      apiKey:
        typeof args.flags.get('api-key') === 'string' ? (args.flags.get('api-key') as string) : undefined,
      hostile: !args.flags.has('no-hostile'),
      progress: (line) => process.stderr.write(`charter fuzz: ${line}\n`),
    });
    console.log(formatReport(report));
    failures += report.failures.length + (report.healthyAfterwards ? 0 : 1);
  }
  return failures > 0 ? 1 : 0;
}
