/**
 * `charter <command>`: dispatches to one module per command.
 * @module
 */
import { runBundle } from './commands/bundle.ts';
import { runDev } from './commands/dev.ts';
import { runDiff } from './commands/diff.ts';
import { runFuzz } from './commands/fuzz.ts';
import { runGenerate } from './commands/generate.ts';
import { runLint } from './commands/lint.ts';

const USAGE = `charter — contract-first APIs for serverless microservices on AWS

Usage:
  charter generate [--check] [ctx...]   regenerate generated/<ctx> from contracts/<ctx>/openapi.yaml
                                        --check: write nothing; exit 1 naming each stale file
  charter dev [--port N] [--mock [ctx...]]
                                        serve every context at http://127.0.0.1:3000/<ctx>, docs at /docs
                                        --mock: answer those contexts (or all) from their contract's examples
  charter dev token --sub ID [--scope S ...] [--expires SECONDS]
                                        print a bearer token the local gateway accepts

  charter bundle [ctx...] [--strategy per-operation|per-context|groups] [--out DIR]
                                        build deployable Lambda bundles (default dist/functions/)

  charter lint [ctx...]                 Redocly lint (house ruleset in redocly.yaml) plus platform rules
  charter diff <base-file> <head-file> [--format text|markdown|json]
  charter diff --base <git-ref> [ctx...] [--format text|markdown|json]
                                        breaking changes and the version bump they need

  charter fuzz [ctx...] [--url URL] [--runs N] [--seed S] [--token T] [--api-key K] [--no-hostile]
                                        fuzz a running gateway from the contracts: valid, invalid, hostile input

Run from the repository root (npx charter ...).`;

type Command = (argv: string[], root: string) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  bundle: runBundle,
  dev: runDev,
  diff: runDiff,
  fuzz: runFuzz,
  generate: runGenerate,
  lint: runLint,
};

/** @returns the process exit code */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`charter: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  return command(rest, process.cwd());
}
