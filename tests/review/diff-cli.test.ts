/**
 * `charter diff <base-file> <head-file>` as CI runs it: output formats and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const charter = resolve('platform/bin/charter.mjs');
const orders = resolve('contracts/orders/openapi.yaml');
let dir: string;

function diff(...args: string[]) {
  const result = spawnSync(process.execPath, [charter, 'diff', ...args], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function variant(name: string, edit: (yaml: string) => string): string {
  const file = join(dir, name);
  writeFileSync(file, edit(readFileSync(orders, 'utf8')));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'charter-diff-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('charter diff <base-file> <head-file>', { timeout: 90_000 }, () => {
  it('exits 0 with no changes', () => {
    const result = diff(orders, orders);
    expect(result.stdout.trim()).toBe('contract: no changes');
    expect(result.code).toBe(0);
  });

  it('exits 1 on breaking changes without a major bump, and prints one JSON object', () => {
    const head = variant('narrower.yaml', (y) => y.replace('maximum: 99', 'maximum: 50'));
    const result = diff(orders, head, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.changes).toContainEqual({
      id: 'request-body-maximum-decreased',
      level: 'breaking',
      message: 'request body (application/json) `lines[].quantity`: maximum <= 99 became <= 50',
      operation: 'POST /orders',
      pointer: '/components/schemas/NewOrderLine/properties/quantity/maximum',
    });
    expect(report.versionBump).toEqual({ from: '1.0.0', to: '1.0.0', required: 'major', ok: false });
  });

  it('exits 0 when the head is a major version', () => {
    const head = variant('major.yaml', (y) =>
      y.replace('maximum: 99', 'maximum: 50').replace(/^ {2}version: 1\.0\.0$/m, '  version: 2.0.0'),
    );
    const result = diff(orders, head, '--format', 'markdown');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('**major** ✓');
  });

  it('exits 0 when only a minor bump is missing: reported, not fatal', () => {
    const head = variant('addition.yaml', (y) =>
      y.replace(
        '        - name: cursor\n',
        '        - name: sort\n          in: query\n          schema:\n            type: string\n        - name: cursor\n',
      ),
    );
    const result = diff(orders, head, '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).versionBump).toEqual({
      from: '1.0.0',
      to: '1.0.0',
      required: 'minor',
      ok: false,
    });
  });

  it.each<[string, () => string[]]>([
    ['a missing file', () => [orders, join(dir, 'does-not-exist.yaml')]],
    [
      'Swagger 2.0',
      () => [
        orders,
        variant('swagger.yaml', () => 'swagger: "2.0"\ninfo: { title: x, version: "1" }\npaths: {}\n'),
      ],
    ],
    ['one file only', () => [orders]],
    ['an unknown format', () => [orders, orders, '--format', 'xml']],
  ])('exits 2 on unusable input: %s', (_, args) => {
    const result = diff(...args());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/charter diff: /);
  });
});
