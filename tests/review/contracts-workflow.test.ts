/**
 * .github/workflows/contracts.yml is valid GitHub Actions syntax (checked with
 * @action-validator/cli against the published workflow schema) and runs every review step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workflow = resolve('.github/workflows/contracts.yml');
const validator = resolve('node_modules/@action-validator/cli/cli.mjs');

function validate(file: string) {
  return spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
}

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
}

describe('contracts workflow', () => {
  it('passes action-validator', () => {
    const result = validate(workflow);
    expect(result.stdout + result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });

  it('action-validator does reject a broken workflow (so the check above means something)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-workflow-'));
    try {
      const broken = join(dir, 'broken.yml');
      writeFileSync(
        broken,
        readFileSync(workflow, 'utf8').replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'),
      );
      expect(validate(broken).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lints, diffs against the base branch, comments, checks generated code, tests and synthesizes', () => {
    const parsed = parse(readFileSync(workflow, 'utf8'));
    const steps: Step[] = Object.values(parsed.jobs as Record<string, { steps: Step[] }>).flatMap(
      (job) => job.steps,
    );
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npx charter lint');
    expect(runs).toMatch(/npx charter diff --base "origin\/\$BASE_REF" --format markdown/);
    expect(runs).toContain('npx charter generate --check');
    expect(runs).toContain('npm test');
    expect(runs).toContain('npm run synth');
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script'));
    expect(comment?.with?.script).toContain('<!-- charter-diff -->');
    expect(parsed.on.pull_request).toBeDefined();
    // The base branch name reaches the shell through env, never pasted into the script.
    expect(runs).not.toContain('${{');
  });
});
