/**
 * This repository's own contracts pass `charter lint`, and Redocly's CLI accepts the house
 * ruleset as written (the same redocly.yaml, read by `npx redocly lint`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findContexts } from '../../codegen/parse/find-contexts.ts';

const env = { ...process.env, REDOCLY_TELEMETRY: 'off' };

describe('the example contracts', () => {
  it('lint clean with charter lint: no errors, no warnings, findings as file:line:col rule message', () => {
    const result = spawnSync(process.execPath, [resolve('platform/bin/charter.mjs'), 'lint'], {
      encoding: 'utf8',
      env,
    });
    expect(result.stderr).toMatch(/contract\(s\): 0 error\(s\), 0 warning\(s\)/);
    expect(result.status).toBe(0);
    for (const line of result.stdout.trim().split('\n')) {
      expect(line).toMatch(
        /^contracts\/[a-z-]+\/[\w/.-]+\.yaml:\d+:\d+ charter\/lambda-only Validated in Lambda only: /,
      );
    }
  }, 60_000);

  it('lint clean with Redocly CLI on the same redocly.yaml', () => {
    const result = spawnSync(
      process.execPath,
      [resolve('node_modules/@redocly/cli/bin/cli.js'), 'lint', '--format=stylish'],
      { encoding: 'utf8', env },
    );
    expect(result.stdout + result.stderr).toMatch(/valid/i);
    expect(result.status).toBe(0);
  }, 60_000);

  it('keep telemetry off in the house config, and list every context under apis', () => {
    const config = parse(readFileSync('redocly.yaml', 'utf8'));
    expect(config.telemetry).toBe('off');
    expect(Object.keys(config.apis).sort()).toEqual(findContexts(resolve('.')).map((c) => c.name));
    expect(config.extends).toEqual(['recommended']);
  });
});
