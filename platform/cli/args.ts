/**
 * A small argument parser: positional words, `--flag`, `--name value` and `--name=value`.
 * @module
 */

export interface ParsedArgs {
  readonly positionals: string[];
  /** The last value of each flag (`true` for a flag without a value). */
  readonly flags: Map<string, string | true>;
  /** Every value of a flag given more than once (`--scope a --scope b`). */
  readonly lists: Map<string, string[]>;
}

/**
 * @param valued flags that take the next word as their value
 * @example parseArgs(['dev', 'token', '--scope', 'a', '--scope', 'b'], ['scope'])
 */
export function parseArgs(argv: readonly string[], valued: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const value =
      inline !== undefined ? inline : valued.includes(name) && i + 1 < argv.length ? argv[++i] : true;
    flags.set(name, value);
    if (typeof value === 'string') lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  return { positionals, flags, lists };
}
