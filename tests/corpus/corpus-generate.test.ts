/**
 * Every real-world document of ../shared/corpus/specs goes through `charter generate`, and the
 * output type-checks, or the document fails with a clear, listed reason. Crashes are defects.
 * Needs ../shared/corpus (present in CI; absent from a user's clone, where this is skipped).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContext } from '../../platform/codegen/generate.ts';
import { replaceFolder } from '../../platform/codegen/write/write-output.ts';

const SPECS = resolve('../shared/corpus/specs');
const OUT = '.charter/corpus-check';
const present = existsSync(SPECS);
if (!present) console.warn(`corpus tests skipped: ${SPECS} is absent (it ships with CI, not with a clone)`);

/** Documents expected to fail, with the reason a user is told. */
const EXPECTED_FAILURES: Record<string, string> = {
  'swagger2/oai-petstore-expanded.v2.yaml': 'Swagger 2.0 is not supported',
  'swagger2/oai-uber.v2.yaml': 'Swagger 2.0 is not supported',
};

function corpusDocuments(): string[] {
  if (!present) return [];
  const top = readdirSync(SPECS).filter((f) => /\.(ya?ml|json)$/.test(f));
  const swagger2 = readdirSync(join(SPECS, 'swagger2')).map((f) => `swagger2/${f}`);
  return [...top, 'digitalocean/DigitalOcean-public.v2.yaml', ...swagger2].sort();
}

const folderOf = (doc: string) =>
  doc
    .replace(/\.(ya?ml|json)$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

const results = new Map<string, string>();

describe.skipIf(!present)('corpus: charter generate on real-world contracts', () => {
  const documents = corpusDocuments();
  afterAll(() => {
    console.log(`\ncorpus generate results (${documents.length} documents):`);
    for (const [doc, result] of results) console.log(`  ${doc.padEnd(45)} ${result}`);
  });

  it('holds the 24 OpenAPI 3.x documents the corpus README lists, plus 2 Swagger 2.0 ones', () => {
    expect(documents.length).toBe(26);
  });

  it.each(documents)(
    '%s',
    async (doc) => {
      const output = await generateContext(
        resolve('.'),
        { name: folderOf(doc), contractFile: join(SPECS, doc) },
        `${OUT}/${folderOf(doc)}`,
      );
      const errors = output.problems.filter((p) => p.severity === 'error');
      const expectedFailure = EXPECTED_FAILURES[doc];
      if (expectedFailure) {
        expect(output.files).toEqual([]);
        expect(errors.map((e) => e.message).join('\n')).toContain(expectedFailure);
        expect(errors.every((e) => e.fix.length > 0)).toBe(true);
        results.set(doc, `fails as expected: ${errors[0].message}`);
        return;
      }
      expect(errors, errors.map((e) => `${e.pointer}: ${e.message}`).join('\n')).toEqual([]);
      await replaceFolder(resolve('.'), output.outDir, output.files);
      results.set(
        doc,
        `generated ${output.model?.operations.length} operations, ${output.files.length} files`,
      );
    },
    240_000,
  );

  it('keeps Stripe per-operation validators in separate modules', () => {
    const dir = join(OUT, folderOf('stripe-spec3.yaml'), 'operations');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.gen.mjs'));
    expect(modules.length).toBe(468);
    for (const module of modules) {
      const imports = [
        ...readFileSync(join(dir, module), 'utf8').matchAll(/from "([^"]+)"|import "([^"]+)"/g),
      ].map((m) => m[1] ?? m[2]);
      for (const target of imports) expect(target, `${module} imports ${target}`).toMatch(/^\.\.\/shared\//);
    }
  });

  it('type-checks every generated output with tsc', () => {
    writeFileSync(
      join(OUT, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', include: ['./**/*.ts', './**/*.d.mts'], exclude: [] }),
    );
    const tsc = spawnSync(
      process.execPath,
      [resolve('node_modules/typescript/bin/tsc'), '-p', join(OUT, 'tsconfig.json'), '--noEmit'],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const failing = new Map<string, number>();
    for (const line of tsc.stdout.split('\n')) {
      const folder = /corpus-check\/([^/]+)\//.exec(line)?.[1];
      if (folder && / error TS/.test(line)) failing.set(folder, (failing.get(folder) ?? 0) + 1);
    }
    for (const [doc, result] of results) {
      if (result.startsWith('generated'))
        results.set(
          doc,
          `${result}, ${failing.has(folderOf(doc)) ? `${failing.get(folderOf(doc))} type errors` : 'type-checks'}`,
        );
    }
    expect(Object.fromEntries(failing), tsc.stdout.slice(0, 4000)).toEqual({});
    expect(tsc.status).toBe(0);
  }, 300_000);
});

afterAll(() => {
  if (present && process.env.CHARTER_KEEP_CORPUS_OUTPUT !== '1')
    rmSync(OUT, { recursive: true, force: true });
});
