/**
 * `charter lint [ctx...]`: Redocly's lint with the house ruleset of `redocly.yaml` plus the
 * platform rules. Prints `file:line:col rule message` per finding, problems before notes, and
 * exits 1 when there is an error.
 * @module
 */
import { formatFinding, lintContexts } from '../../review/index.ts';
import { parseArgs } from '../args.ts';

/** @example await runLint(['orders'], process.cwd()) */
export async function runLint(argv: string[], root: string): Promise<number> {
  const { positionals, flags } = parseArgs(argv);
  if (flags.size > 0) {
    console.error(
      `charter lint: unknown option ${[...flags.keys()].map((f) => `--${f}`).join(', ')}\nusage: charter lint [ctx...]`,
    );
    return 2;
  }
  const run = await lintContexts(root, positionals);
  if (!run.ok) {
    for (const problem of run.problems) console.error(`charter lint: ${problem}`);
    return 2;
  }
  const problems = run.findings.filter((f) => f.severity !== 'note');
  const notes = run.findings.filter((f) => f.severity === 'note');
  for (const finding of [...problems, ...notes]) console.log(formatFinding(finding));
  const errors = problems.filter((f) => f.severity === 'error').length;
  const warnings = problems.length - errors;
  console.error(
    `charter lint: ${run.contracts.length} contract(s): ${errors} error(s), ${warnings} warning(s), ${notes.length} note(s)` +
      (notes.length > 0 ? ' (notes say what only the function validates)' : ''),
  );
  return errors > 0 ? 1 : 0;
}
