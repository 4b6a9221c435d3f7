/**
 * The repository's own gates, run with the tests so CI enforces them: the whole workspace
 * type-checks, and Biome (the one linter and formatter) finds nothing.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('repository', () => {
  it('type-checks (tsc --noEmit)', () => {
    const tsc = spawnSync(
      process.execPath,
      [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'],
      { encoding: 'utf8' },
    );
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  }, 180_000);

  it('passes Biome lint and format checks', () => {
    const biome = spawnSync(
      process.execPath,
      [resolve('node_modules/@biomejs/biome/bin/biome'), 'check', '.'],
      { encoding: 'utf8' },
    );
    expect(biome.stderr + biome.stdout).not.toMatch(/Found \d+ error/);
    expect(biome.status).toBe(0);
  }, 120_000);
});
