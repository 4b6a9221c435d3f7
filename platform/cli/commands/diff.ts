/**
 * `charter diff <base-file> <head-file> [--format text|markdown|json]` and
 * `charter diff --base <git-ref> [ctx...] [--format ...]`. Exit 1 when a contract has breaking
 * changes without a major `info.version` bump, 2 on unusable input, 0 otherwise.
 * @module
 */
import { resolve } from 'node:path';
import {
  type DiffRun,
  diffAgainstRef,
  diffFiles,
  formatJson,
  formatMarkdown,
  formatText,
} from '../../review/index.ts';
import { parseArgs } from '../args.ts';

const FORMATS = { text: formatText, markdown: formatMarkdown, json: formatJson } as const;

const USAGE = `usage: charter diff <base-file> <head-file> [--format text|markdown|json]
       charter diff --base <git-ref> [ctx...] [--format text|markdown|json]`;

/** @example await runDiff(['--base', 'origin/main', '--format', 'markdown'], process.cwd()) */
export async function runDiff(argv: string[], root: string): Promise<number> {
  const { positionals, flags } = parseArgs(argv, ['base', 'format']);
  const format = flags.get('format') ?? 'text';
  if (typeof format !== 'string' || !(format in FORMATS)) {
    console.error(`charter diff: --format must be text, markdown or json\n${USAGE}`);
    return 2;
  }
  const unknownFlags = [...flags.keys()].filter((f) => f !== 'base' && f !== 'format');
  if (unknownFlags.length > 0) {
    console.error(`charter diff: unknown option ${unknownFlags.map((f) => `--${f}`).join(', ')}\n${USAGE}`);
    return 2;
  }
  const base = flags.get('base');
  let run: DiffRun;
  if (base !== undefined) {
    if (typeof base !== 'string') {
      console.error(`charter diff: --base needs a git ref\n${USAGE}`);
      return 2;
    }
    run = await diffAgainstRef(root, base, positionals);
  } else if (positionals.length === 2) {
    run = await diffFiles(resolve(root, positionals[0]), resolve(root, positionals[1]), root);
  } else {
    console.error(`charter diff: give two contract files, or --base <git-ref>\n${USAGE}`);
    return 2;
  }
  if (!run.ok) {
    for (const problem of run.problems) console.error(`charter diff: ${problem}`);
    return 2;
  }
  console.log(FORMATS[format as keyof typeof FORMATS](run.reports));
  return run.reports.some((r) => r.fails) ? 1 : 0;
}
