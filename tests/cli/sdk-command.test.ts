/**
 * `charter sdk` refusals, as a user meets them: wrong words, unknown contexts, a missing
 * registry, publishing before packing. (Packing and publishing themselves: tests/sdk.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const charter = resolve('platform/bin/charter.mjs');
let project: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [charter, ...args], { cwd: project, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'charter-sdk-cli-'));
  cpSync('contracts/recommendations', join(project, 'contracts/recommendations'), { recursive: true });
  expect(run('generate').code).toBe(0);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('charter sdk', () => {
  it.each([
    [['sdk'], 2, 'say pack, publish or pull'],
    [['sdk', 'ship'], 2, 'say pack, publish or pull'],
    [['sdk', 'pack', '--registry', 'http://x'], 2, 'unknown option --registry'],
    [['sdk', 'pack', 'shipping'], 2, 'no contract for "shipping" (found: recommendations)'],
    [['sdk', 'publish'], 2, "--registry needs the registry's URL"],
    [['sdk', 'publish', '--registry', 'localhost:4873'], 2, "--registry needs the registry's URL"],
    [
      ['sdk', 'publish', '--registry', 'http://127.0.0.1:9'],
      1,
      'failed: dist/sdk/charter-recommendations-sdk-1.0.0.tgz is missing; run `npx charter sdk pack recommendations` first',
    ],
  ])('charter %j exits %i: %s', (args, code, message) => {
    const result = run(...args);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(code);
  });

  it('is listed in the usage', () => {
    const help = spawnSync(process.execPath, [charter, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('charter sdk pack [ctx...]');
    expect(help.stdout).toContain('charter sdk publish [ctx...] --registry URL');
  });
});
