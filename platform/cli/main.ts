/**
 * `charter <command>`: dispatches to one module per command.
 * @module
 */

const USAGE = `charter — contract-first APIs for serverless microservices on AWS

Usage:
  charter generate [--check] [ctx...]   regenerate generated/<ctx> from contracts/<ctx>/openapi.yaml
                                        --check: write nothing; exit 1 naming each stale file
  charter new <ctx> [--from <ctx>]      scaffold a context (contract, generated code, SDK, handlers, test), or
                                        clone another context's contract with its names renamed
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

  charter sdk pack [ctx...]             build each SDK (sdk/<ctx>) into dist/sdk/*.tgz with a CHANGELOG entry
  charter sdk publish [ctx...] --registry URL [--tag TAG]
                                        publish the packed SDKs (credentials from your .npmrc); a version
                                        already there with other content is refused
  charter sdk pull <ctx> --lang javascript|java|android|objectivec|swift|ruby --rest-api-id ID --stage S
                   [--out DIR] [--param name=value ...] [--endpoint URL]
                                        API Gateway's generated SDK of a deployed stage, unpacked (default
                                        dist/apigateway-sdk/<ctx>/<lang>/) with charter-sdk.json naming the contract

  charter drift <ctx> --rest-api-id ID --stage S [--format text|markdown|json] [--endpoint URL]
                                        compare a deployed stage (GetExport) with its contract, as charter diff
                                        does; exit 1 on breaking drift
  AWS commands read region and credentials from the standard AWS chain (AWS_REGION, AWS_PROFILE, ...);
  they exit 3 when the API or stage is not found, 4 when access is denied, 5 when throttled or unreachable.

Run from the repository root (npx charter ...).`;

type Command = (argv: string[], root: string) => Promise<number>;

// Each command is imported when it runs: `charter generate` on an unchanged repository must not
// pay for loading the dev gateway, the bundler or the review rules.
const COMMANDS: Record<string, () => Promise<Command>> = {
  bundle: async () => (await import('./commands/bundle.ts')).runBundle,
  dev: async () => (await import('./commands/dev.ts')).runDev,
  diff: async () => (await import('./commands/diff.ts')).runDiff,
  drift: async () => (await import('./commands/drift.ts')).runDrift,
  fuzz: async () => (await import('./commands/fuzz.ts')).runFuzz,
  generate: async () => (await import('./commands/generate.ts')).runGenerate,
  lint: async () => (await import('./commands/lint.ts')).runLint,
  new: async () => (await import('./commands/new.ts')).runNew,
  sdk: async () => (await import('./commands/sdk.ts')).runSdk,
};

/** @returns the process exit code */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`charter: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  return command(rest, process.cwd());
}
