#!/usr/bin/env node
// The `charter` command. The platform is written in TypeScript and run through tsx, so a
// fresh clone needs no build step before `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
