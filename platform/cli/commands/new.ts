/**
 * `charter new <ctx> [--from <ctx>]`: scaffolds a bounded context, or clones another context's
 * contract under a new name. Exit codes: 0 created, 1 refused (something already has the name)
 * or the contract did not generate, 2 unusable input.
 * @module
 */
import { newContext } from '../../scaffold/new-context.ts';
import { parseArgs } from '../args.ts';

const USAGE = 'usage: charter new <ctx> [--from <ctx>]';

/** @example await runNew(['catalog-v2', '--from', 'catalog'], process.cwd()) */
export async function runNew(argv: string[], root: string): Promise<number> {
  const { positionals, flags } = parseArgs(argv, ['from']);
  const unknown = [...flags.keys()].filter((f) => f !== 'from');
  const from = flags.get('from');
  const usage = (why: string) => {
    console.error(`charter new: ${why}\n${USAGE}`);
    return 2;
  };
  if (unknown.length > 0) return usage(`unknown option ${unknown.map((f) => `--${f}`).join(', ')}`);
  if (positionals.length !== 1) return usage('name exactly one new context');
  if (from === true || from === '') return usage('--from needs the context to clone, e.g. --from catalog');

  const [name] = positionals;
  const result = await newContext(root, { name, from });
  if (!result.ok) {
    for (const problem of result.problems) console.error(`charter new: ${problem}`);
    return result.exitCode;
  }
  console.error(
    `charter new: ${name}: ${from ? `cloned from ${from}` : 'created'}; wrote ${result.written.join(', ')}`,
  );
  if (result.renamed) {
    const { operationIds, tags, scopes, title } = result.renamed;
    const list = (map: ReadonlyMap<string, string>) =>
      [...map].map(([a, b]) => `${a} → ${b}`).join(', ') || 'none';
    if (title) console.error(`  title: ${title[0]} → ${title[1]}`);
    console.error(`  operationIds: ${list(operationIds)}`);
    console.error(`  tags: ${list(tags)}`);
    console.error(`  scopes: ${list(scopes)}`);
  }
  console.error(
    `  charter lint: ${result.lint.errors} error(s), ${result.lint.warnings} warning(s); every operation answers 501 until its handler exists`,
  );
  for (const note of result.notes) console.error(`  note: ${note}`);
  console.error(
    `  next: edit contracts/${name}/openapi.yaml, run \`npx charter generate ${name}\`, write handlers/${name}/<operation>.ts; ` +
      'infra and `charter dev` pick the context up from contracts/ by themselves',
  );
  return 0;
}
