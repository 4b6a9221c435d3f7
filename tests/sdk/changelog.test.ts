/**
 * The CHANGELOG entry `charter sdk pack` writes, and how it finds the version to compare with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContext } from '../../platform/codegen/generate.ts';
import type { ContractModel } from '../../platform/codegen/model/model.ts';
import { changelog } from '../../platform/sdk/changelog.ts';
import { compareVersions, previousTarball, tarballName } from '../../platform/sdk/sdk-package.ts';

const root = resolve('.');
const contractFile = join(root, 'contracts/recommendations/openapi.yaml');
const model = (await generateContext(root, { name: 'recommendations', contractFile })).model as ContractModel;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('changelog', () => {
  it('lists every operation in the first entry', async () => {
    const log = await changelog(model, '@shop/recommendations-sdk', '1.0.0', contractFile, root, undefined);
    expect(log).toBe(
      '# Changelog of @shop/recommendations-sdk\n\n## 1.0.0\n\n' +
        'First packed version of Recommendations API, with 2 operation(s):\n\n' +
        '- `getProductRecommendations` (GET /products/{productId}/recommendations)\n' +
        '- `getUserRecommendations` (GET /users/{userId}/recommendations)\n',
    );
  });

  it('writes what charter diff finds since the previous version, breaking first, above the older entries', async () => {
    const before = structuredClone(model.bundled) as { paths: Record<string, unknown> };
    // The previous version had one more operation, and no user feed yet.
    before.paths['/products/{productId}/similar'] = before.paths['/products/{productId}/recommendations'];
    delete before.paths['/users/{userId}/recommendations'];
    (before.paths['/products/{productId}/similar'] as { get: { operationId: string } }).get = {
      ...(before.paths['/products/{productId}/recommendations'] as { get: object }).get,
      operationId: 'getSimilarProducts',
    };
    const previous = {
      version: '0.9.0',
      contract: before,
      changelog: '# Changelog of x\n\n## 0.9.0\n\nOlder news.\n',
    };
    const log = await changelog(model, '@shop/recommendations-sdk', '1.0.0', contractFile, root, previous);
    expect(log).toMatch(
      /^# Changelog of @shop\/recommendations-sdk\n\n## 1\.0\.0\n\nContract changes since 0\.9\.0, from `charter diff`:/,
    );
    expect(log).toContain('### Breaking');
    expect(log).toContain('GET /products/{productId}/similar');
    expect(log).toContain('GET /users/{userId}/recommendations');
    expect(log.indexOf('### Breaking')).toBeLessThan(log.indexOf('GET /users/{userId}/recommendations'));
    expect(log.endsWith('\n## 0.9.0\n\nOlder news.\n')).toBe(true);
  });

  it('says so when nothing changed', async () => {
    const previous = { version: '0.9.0', contract: model.bundled, changelog: '' };
    const log = await changelog(model, '@shop/recommendations-sdk', '1.0.0', contractFile, root, previous);
    expect(log).toContain('## 1.0.0\n\nNo contract changes since 0.9.0.');
  });

  it('falls back to added and removed operations when charter diff cannot compare', async () => {
    const before = {
      openapi: '2.0',
      swagger: '2.0',
      paths: { '/gone': { get: { operationId: 'gone', responses: {} } } },
    };
    const previous = { version: '0.1.0', contract: before, changelog: '' };
    const log = await changelog(model, '@shop/recommendations-sdk', '1.0.0', contractFile, root, previous);
    expect(log).toContain('### Removed (breaking)\n\n- `gone` (GET /gone)');
    expect(log).toContain('### Added\n\n- `getProductRecommendations`');
    expect(log).toContain('charter diff could not compare the contracts');
  });
});

describe('the previously packed version', () => {
  it.each([
    ['1.10.0', '1.9.0', 1],
    ['1.0.0', '1.0.0', 0],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-rc.10', '1.0.0-rc.9', 1],
    ['2.0.0', '10.0.0', -1],
  ])('compareVersions(%s, %s) = %i', (a, b, want) => {
    expect(compareVersions(a, b)).toBe(want);
  });

  it('is the highest packed version below the one being packed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-packed-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'other'));
    for (const version of ['0.9.0', '1.0.0', '1.2.0', '2.0.0'])
      writeFileSync(join(dir, tarballName('@shop/x-sdk', version)), '');
    writeFileSync(join(dir, tarballName('@shop/x-sdk-extra', '1.1.0')), '');
    expect(previousTarball(dir, '@shop/x-sdk', '1.2.0')?.version).toBe('1.0.0');
    expect(previousTarball(dir, '@shop/x-sdk', '0.9.0')).toBeUndefined();
    expect(previousTarball(join(dir, 'missing'), '@shop/x-sdk', '1.0.0')).toBeUndefined();
  });
});
