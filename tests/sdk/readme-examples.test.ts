/**
 * Every code example of every generated SDK README compiles against that SDK: the README is
 * what consumer teams copy from.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findContexts } from '../../platform/codegen/parse/find-contexts.ts';

const OUT = resolve('.charter/test/readme-examples');
const contexts = findContexts(resolve('.')).map((c) => c.name);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** The README's ```ts blocks as one module: imports first, every later block in its own scope. */
function examplesModule(context: string): string {
  const readme = readFileSync(`sdk/${context}/README.md`, 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const name = JSON.parse(readFileSync(`sdk/${context}/package.json`, 'utf8')).name as string;
  const imported = new Set<string>();
  for (const line of blocks.join('\n').split('\n')) {
    const names = new RegExp(`^import \\{ (.+) \\} from '${name}';$`).exec(line)?.[1];
    for (const n of names?.split(', ') ?? []) imported.add(n);
  }
  const [setup, ...rest] = blocks.map((b) =>
    b
      .split('\n')
      .filter((l) => !l.startsWith('import '))
      .join('\n'),
  );
  return [
    `import { ${[...imported].join(', ')} } from '../../../sdk/${context}/src/index.gen.js';`,
    'declare function getAccessToken(): Promise<string>;',
    setup,
    ...rest.map((block) => `{\n${block}}`),
    'export {};',
  ].join('\n');
}

describe('SDK README examples', () => {
  it('has a setup, a budget example and one example per operation in each README', () => {
    for (const context of contexts) {
      const readme = readFileSync(`sdk/${context}/README.md`, 'utf8');
      const operations = [...readme.matchAll(/^### `(\w+)`$/gm)].length;
      expect([...readme.matchAll(/```ts\n/g)].length, context).toBe(operations + 2);
      expect(readme).toContain(`npm install @`);
    }
  });

  it('compiles every example against its SDK', () => {
    mkdirSync(OUT, { recursive: true });
    for (const context of contexts) writeFileSync(join(OUT, `${context}.ts`), examplesModule(context));
    writeFileSync(
      join(OUT, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../tsconfig.json', include: ['./*.ts'], exclude: [] }),
    );
    const tsc = spawnSync(
      process.execPath,
      [resolve('node_modules/typescript/bin/tsc'), '-p', join(OUT, 'tsconfig.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
