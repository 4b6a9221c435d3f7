/**
 * `charter diff --base <git-ref>` on a temporary git repository: split contracts are read as
 * they were at the ref, new contexts are additions and removed ones break.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const charter = resolve('platform/bin/charter.mjs');
let repo: string;

const git = (...args: string[]) =>
  execFileSync(
    'git',
    [
      '-c',
      'user.name=charter test',
      '-c',
      'user.email=test@charter.invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd: repo, encoding: 'utf8' },
  );

function diff(...args: string[]) {
  const result = spawnSync(process.execPath, [charter, 'diff', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(repo, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'charter-diff-git-'));
  for (const ctx of ['catalog', 'orders'])
    cpSync(`contracts/${ctx}`, join(repo, 'contracts', ctx), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'contracts');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('charter diff --base <git-ref>', { timeout: 90_000 }, () => {
  it('finds nothing when the working tree matches the ref', () => {
    const result = diff('--base', 'main', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.changes).toEqual([]);
    expect(report.contexts.map((c: { context: string }) => c.context)).toEqual(['catalog', 'orders']);
  });

  it('reads a multi-file contract at the ref: a change in a split file is found', () => {
    edit('contracts/catalog/schemas/common.yaml', (y) =>
      y.replace('pattern: ^[A-Z]{3}$', 'pattern: ^(EUR|USD)$'),
    );
    const result = diff('--base', 'main', 'catalog', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        id: 'request-body-pattern-changed',
        level: 'breaking',
        operation: 'POST /products',
        context: 'catalog',
      }),
    );
    expect(report.contexts).toEqual([
      { context: 'catalog', versionBump: { from: '1.0.0', to: '1.0.0', required: 'major', ok: false } },
    ]);
  });

  it('passes once the contract takes a major version', () => {
    edit('contracts/catalog/schemas/common.yaml', (y) =>
      y.replace('pattern: ^[A-Z]{3}$', 'pattern: ^(EUR|USD)$'),
    );
    edit('contracts/catalog/openapi.yaml', (y) => y.replace(/^ {2}version: 1\.0\.0$/m, '  version: 2.0.0'));
    expect(diff('--base', 'main').code).toBe(0);
  });

  it('compares against an earlier commit, not just a branch', () => {
    edit('contracts/orders/openapi.yaml', (y) => y.replace(/^ {2}version: 1\.0\.0$/m, '  version: 1.0.1'));
    git('commit', '--quiet', '-am', 'patch');
    const result = diff('--base', 'HEAD~1', 'orders', '--format', 'text');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('orders: no changes');
  });

  it('a new context is an addition; a removed one is breaking', () => {
    cpSync('contracts/recommendations', join(repo, 'contracts/recommendations'), { recursive: true });
    const added = diff('--base', 'main', '--format', 'json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).changes).toEqual([
      expect.objectContaining({ id: 'context-added', level: 'info', context: 'recommendations' }),
    ]);

    rmSync(join(repo, 'contracts/orders'), { recursive: true });
    const removed = diff('--base', 'main', '--format', 'markdown');
    expect(removed.code).toBe(1);
    expect(removed.stdout).toContain('`context-removed` context orders removed');
  });

  it('exits 2 for a ref git does not know, or a context that is nowhere', () => {
    const unknownRef = diff('--base', 'no-such-branch');
    expect(unknownRef.code).toBe(2);
    expect(unknownRef.stderr).toContain('git does not know the ref "no-such-branch"');
    const unknownContext = diff('--base', 'main', 'shipping');
    expect(unknownContext.code).toBe(2);
    expect(unknownContext.stderr).toContain('no contract for "shipping"');
  });
});
