#!/usr/bin/env node
// The `charter` command. The platform is written in TypeScript and run through tsx, so a
// fresh clone needs no build step before `npm start`.
const argv = process.argv.slice(2);

// `charter generate` with nothing to do answers before tsx starts (see generate-unchanged.mjs).
if (argv[0] === 'generate') {
  const { generateIfUnchanged } = await import('../cli/commands/generate-unchanged.mjs');
  const code = await generateIfUnchanged(argv.slice(1), process.cwd());
  if (code !== undefined) process.exit(code);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(argv);
