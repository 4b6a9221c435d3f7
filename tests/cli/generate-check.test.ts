/**
 * `charter generate` and `--check` as a user runs them, on a copy of one context in a
 * temporary project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const charter = resolve('platform/bin/charter.mjs');
let project: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [charter, ...args], { cwd: project, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const contractFile = () => join(project, 'contracts/recommendations/openapi.yaml');
const generatedFile = () => join(project, 'generated/recommendations/handlers.gen.ts');

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'charter-generate-'));
  cpSync('contracts/recommendations', join(project, 'contracts/recommendations'), { recursive: true });
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('charter generate', () => {
  it('writes generated/<ctx>, then --check passes', () => {
    const generate = run('generate');
    expect(generate.code).toBe(0);
    expect(generate.stderr).toContain('recommendations: wrote generated/recommendations');
    expect(readFileSync(generatedFile(), 'utf8')).toContain('getProductRecommendations');
    expect(run('generate', '--check').code).toBe(0);
  });

  it('--check fails naming each stale file after the contract changes, and writes nothing', () => {
    expect(run('generate').code).toBe(0);
    const before = statSync(generatedFile()).mtimeMs;
    const contract = readFileSync(contractFile(), 'utf8');
    writeFileSync(
      contractFile(),
      contract.replace('operationId: getUserRecommendations', 'operationId: recommendForUser'),
    );

    const check = run('generate', '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale: generated/recommendations/handlers.gen.ts');
    expect(check.stderr).toContain('stale: generated/recommendations/routes.gen.ts');
    expect(check.stderr).toContain(
      'stale (no longer generated): generated/recommendations/operations/getUserRecommendations.gen.mjs',
    );
    expect(statSync(generatedFile()).mtimeMs).toBe(before);
    expect(readFileSync(generatedFile(), 'utf8')).not.toContain('recommendForUser');
  });

  it('reports every problem of a broken contract and leaves the last good output alone', () => {
    expect(run('generate').code).toBe(0);
    const good = readFileSync(generatedFile(), 'utf8');
    const contract = readFileSync(contractFile(), 'utf8');
    writeFileSync(
      contractFile(),
      contract
        .replace('- apiKey: []', '- apiKeys: []')
        .replace('operationId: getUserRecommendations', 'operationId: getProductRecommendations'),
    );

    const generate = run('generate');
    expect(generate.code).toBe(1);
    expect(generate.stderr).toContain('contracts/recommendations/openapi.yaml#/');
    expect(generate.stderr).toContain('security scheme "apiKeys" is not declared');
    expect(generate.stderr).toContain('operationId "getProductRecommendations" is also used by');
    expect(generate.stderr).toContain('nothing was written');
    expect(readFileSync(generatedFile(), 'utf8')).toBe(good);
  });

  it('refuses an unknown context by name and lists the ones there are', () => {
    const generate = run('generate', 'shipping');
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain('no contract for "shipping"');
    expect(generate.stderr).toContain('found: recommendations');
  });
});

describe('this repository', () => {
  it('has generated code that matches its contracts (charter generate --check)', () => {
    const result = spawnSync(process.execPath, [charter, 'generate', '--check'], { encoding: 'utf8' });
    expect(result.stderr).toContain('generated code is up to date');
    expect(result.status).toBe(0);
  });
});
