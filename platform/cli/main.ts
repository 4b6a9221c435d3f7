/**
 * `charter <command>`: dispatches to one module per command.
 * @module
 */
import { runGenerate } from './commands/generate.ts';

const USAGE = `charter — contract-first APIs for serverless microservices on AWS

Usage:
  charter generate [--check] [ctx...]   regenerate generated/<ctx> from contracts/<ctx>/openapi.yaml
                                        --check: write nothing; exit 1 naming each stale file

Run from the repository root (npx charter ...).`;

type Command = (argv: string[], root: string) => Promise<number>;

const COMMANDS: Record<string, Command> = {
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
