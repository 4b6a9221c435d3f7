/**
 * File snapshots of one fixture context: a change to any emitter shows up here as a diff a
 * reviewer can read.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateContext } from './generate.ts';

const root = resolve('.');

describe('generated files of the petstore30 fixture', async () => {
  const output = await generateContext(
    root,
    {
      name: 'petstore30',
      contractFile: join(root, 'platform/codegen/test-fixtures/petstore30/openapi.yaml'),
    },
    'generated/petstore30',
  );
  const snapshotted = [
    'handlers.gen.ts',
    'routes.gen.ts',
    'types.gen.ts',
    'operations/getPet.gen.mjs',
    'operations/getPet.gen.d.mts',
  ];

  it.each(snapshotted)('%s', async (name) => {
    const file = output.files.find((f) => f.path === `generated/petstore30/${name}`);
    expect(file, `${name} was not generated`).toBeDefined();
    await expect(file?.contents).toMatchFileSnapshot(`__snapshots__/petstore30/${name}.snap`);
  });
});
