#!/usr/bin/env node
// `npm run bench`: runs every suite in bench/suites (or those named), then rewrites
// BENCHMARKS.md with the machine, the versions and each suite's tables. Never part of npm test.
//
// A suite is bench/suites/<name>.ts exporting
//   default async function run(): Promise<{ title: string; markdown: string }>
// and measures charter next to its peers in the same run (medians over rounds, ratios).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { register } from 'tsx/esm/api';

register();
// The peers live in bench/package.json, outside the workspace, so `npm ci` for tests stays lean.
if (!existsSync(new URL('./node_modules/.package-lock.json', import.meta.url))) {
  console.error('bench: installing the peers in bench/ (npm ci --prefix bench) ...');
  execSync('npm ci --prefix bench --no-audit --no-fund', {
    stdio: 'inherit',
    cwd: new URL('..', import.meta.url),
  });
}
const only = process.argv.slice(2);
const suites = readdirSync(new URL('./suites/', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const sections = [];
const started = Date.now();
const failed = [];
for (const name of suites) {
  const t0 = Date.now();
  console.error(`bench: ${name} ...`);
  try {
    const suite = await import(`./suites/${name}.ts`);
    const result = await suite.default();
    sections.push(
      `## ${result.title}\n\n${result.markdown.trim()}\n\nReproduce: \`npm run bench -- ${name}\``,
    );
    console.error(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    // One broken suite must not cost the figures of all the others: it gets a section saying so.
    failed.push(name);
    console.error(`bench: ${name} FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s`, error);
    const message = String(error?.stack ?? error)
      .split('\n')
      .slice(0, 12)
      .join('\n');
    sections.push(
      `## ${name}: failed\n\nThe suite did not finish on this run:\n\n\`\`\`\n${message}\n\`\`\`\n\nReproduce: \`npm run bench -- ${name}\``,
    );
  }
}
if (failed.length > 0) process.exitCode = 1;

const pkg = (name) => {
  try {
    return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url))).version;
  } catch {
    return 'not installed';
  }
};
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 1000).toFixed(0)} s). Do not edit by hand.

Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}.
Versions: ${['typescript', 'ajv', 'ajv-formats', 'esbuild', 'openapi-typescript', 'openapi-fetch', '@redocly/cli'].map((n) => `${n} ${pkg(n)}`).join(', ')}; commit ${safeGit('git rev-parse --short HEAD')}.
`;
if (only.length > 0) {
  console.log([header, ...sections].join('\n\n'));
} else {
  writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), `${[header, ...sections].join('\n\n')}\n`);
  console.error('bench: wrote BENCHMARKS.md');
}

function safeGit(command) {
  try {
    return execSync(command, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
