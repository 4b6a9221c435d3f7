/**
 * `charter <command>`: dispatches to one module per command.
 * @module
 */
import { runBundle } from './commands/bundle.ts';
import { runDev } from './commands/dev.ts';
import { runGenerate } from './commands/generate.ts';

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

Run from the repository root (npx charter ...).`;

type Command = (argv: string[], root: string) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  bundle: runBundle,
  dev: runDev,
  generate: runGenerate,
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
