/**
 * Contract fuzzing at a CI-sized run count with a fixed seed: every example context against
 * `charter dev`, and six real-world contracts served with `charter dev --mock`. Zero failures,
 * and each gateway still serves normally after the hostile inputs.
 * The corpus part needs ../shared/corpus (present in CI) and is skipped with a message without it.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findContexts } from '../../platform/codegen/parse/find-contexts.ts';
import { formatReport } from '../../platform/fuzz/format-report.ts';
import { fuzzContext } from '../../platform/fuzz/run-fuzz.ts';
import { loadContract } from '../../platform/gateway/served-contexts.ts';
import { attachDevProject, type DevProject, startDevProject } from '../support/dev-project.ts';

const RUNS = 15;
const SEED = 20261127;

async function fuzzAll(dev: DevProject) {
  const reports = [];
  for (const source of findContexts(dev.root)) {
    const { model } = await loadContract(dev.root, source);
    const report = await fuzzContext(model, {
      root: dev.root,
      local: true,
      contextUrl: `${dev.url}/${source.name}`,
      runs: RUNS,
      seed: SEED,
    });
    console.log(formatReport(report));
    reports.push(report);
  }
  return reports;
}

describe('charter fuzz: the example contexts', () => {
  let dev: DevProject;
  beforeAll(async () => {
    dev = await startDevProject('fuzz');
  }, 60_000);
  afterAll(async () => {
    await dev?.stop();
  });

  it('finds no failure in any class, and the gateway still serves afterwards', async () => {
    const reports = await fuzzAll(dev);
    expect(reports.map((r) => r.context)).toEqual(['catalog', 'orders', 'recommendations']);
    for (const report of reports) {
      expect(report.failures.map((f) => `${f.operationId} [${f.class}] ${f.case}: ${f.problem}`)).toEqual([]);
      expect(report.skipped).toEqual([]);
      expect(report.tally.valid.sent).toBeGreaterThan(0);
      expect(report.tally.invalid.sent).toBeGreaterThan(0);
      expect(report.tally.hostile.sent).toBeGreaterThan(0);
      expect(report.healthyAfterwards).toBe(true);
    }
    const normal = await fetch(`${dev.url}/catalog/products?limit=2`);
    expect(normal.status).toBe(200);
    expect(((await normal.json()) as { items: unknown[] }).items).toHaveLength(2);
  }, 240_000);
});

const CORPUS = resolve('../shared/corpus/specs');
const MOCKED = [
  'oai-petstore.yaml',
  'oai-petstore-expanded.yaml',
  'oai-tictactoe.yaml',
  'redocly-museum.yaml',
  'oai-link-example.yaml',
  'swagger-petstore-v3.yaml',
];
if (!existsSync(CORPUS))
  console.warn(`corpus fuzzing skipped: ${CORPUS} is absent (it ships with CI, not with a clone)`);

describe.skipIf(!existsSync(CORPUS))('charter fuzz: real-world contracts in --mock mode', () => {
  let dev: DevProject;
  beforeAll(async () => {
    const root = resolve('.charter/tmp', `fuzz-corpus-${process.pid}`);
    for (const file of MOCKED) {
      const name = file.replace(/\.yaml$/, '');
      mkdirSync(join(root, 'contracts', name), { recursive: true });
      cpSync(join(CORPUS, file), join(root, 'contracts', name, 'openapi.yaml'));
    }
    const generate = (await import('node:child_process')).spawnSync(
      process.execPath,
      [resolve('platform/bin/charter.mjs'), 'generate'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(generate.status, generate.stderr).toBe(0);
    dev = await attachDevProject(root, ['--mock']);
  }, 120_000);
  afterAll(async () => {
    await dev?.stop();
  });

  it('finds no failure in six mocked corpus contracts', async () => {
    const reports = await fuzzAll(dev);
    expect(reports).toHaveLength(MOCKED.length);
    for (const report of reports) {
      expect(
        report.failures.map((f) => `${report.context} ${f.operationId} [${f.class}] ${f.case}: ${f.problem}`),
      ).toEqual([]);
      expect(report.healthyAfterwards).toBe(true);
    }
  }, 300_000);
});
