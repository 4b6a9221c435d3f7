/**
 * ajv's standalone "ESM" output calls require(); a module that does so only fails when Node
 * loads it as real ESM from a file, which `node -e` and bundler-based test runners hide. This
 * test imports generated validators from a real .mjs file in a fresh Node process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = mkdtempSync(join(tmpdir(), 'charter-esm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated validator modules', () => {
  it('load as real ESM in plain Node and validate without ajv', () => {
    const operation = pathToFileURL(resolve('generated/orders/operations/placeOrder.gen.mjs')).href;
    const contract = parse(readFileSync('contracts/orders/openapi.yaml', 'utf8'));
    const example =
      contract.paths['/orders'].post.requestBody.content['application/json'].examples.card.value;
    const script = join(dir, 'probe.mjs');
    writeFileSync(
      script,
      `import op from ${JSON.stringify(operation)};
const media = op.body.media[0];
const good = media.validate(${JSON.stringify(example)});
const bad = media.validate({ lines: [] });
console.log(JSON.stringify({ operationId: op.operationId, good, bad, errors: media.validate.errors?.length ?? 0 }));
`,
    );
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      operationId: 'placeOrder',
      good: true,
      bad: false,
      errors: expect.any(Number),
    });
  });

  it('contain no require() call and no import of ajv', () => {
    for (const context of readdirSync('generated')) {
      const files = readdirSync(join('generated', context), { recursive: true, encoding: 'utf8' }).filter(
        (f) => f.endsWith('.mjs'),
      );
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(join('generated', context, file), 'utf8');
        // A call, not ajv's own source string `'require("ajv/...")'` kept as data.
        expect(text, file).not.toMatch(/(?<!['"\w.])require\(/);
        expect(text, file).not.toMatch(/from ["']ajv/);
      }
    }
  });
});
