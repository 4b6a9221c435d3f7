/**
 * While `charter dev` runs: a changed handler is served without a restart, a changed contract is
 * regenerated and served, a broken contract leaves the last good version serving, and a handler
 * that throws or hangs takes down nothing but its own request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevProject, startDevProject } from '../support/dev-project.ts';

let dev: DevProject;
const PRODUCT = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';

beforeAll(async () => {
  dev = await startDevProject('reload', [], true);
  // A short timeout so the hanging-handler case stays quick.
  const configFile = join(dev.root, 'charter.config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  config.contexts.catalog = { timeoutSeconds: 2 };
  writeFileSync(configFile, JSON.stringify(config));
  await dev.stop();
  dev = await (await import('../support/dev-project.ts')).attachDevProject(dev.root);
}, 60_000);
afterAll(async () => {
  await dev?.stop();
});

/** Changes a file of the project and waits until the gateway reports `reaction` to it. */
async function edit(
  relative: string,
  change: (text: string) => string,
  reaction: RegExp,
): Promise<() => Promise<void>> {
  const file = join(dev.root, relative);
  const original = readFileSync(file, 'utf8');
  const since = dev.mark();
  writeFileSync(file, change(original));
  await dev.waitFor(reaction, { since });
  return async () => {
    const restored = dev.mark();
    writeFileSync(file, original);
    await dev.waitFor(reaction, { since: restored });
  };
}

const HANDLERS_RELOADED = /catalog: handlers changed; reloaded in \d+ ms/;

const get = (path: string) => fetch(`${dev.url}${path}`);

describe('charter dev: hot reload and isolation', () => {
  it('serves a changed handler without a restart and says what reloaded', async () => {
    expect((await get(`/catalog/products/${PRODUCT}`)).headers.get('x-served-by')).toBeNull();
    const restore = await edit(
      'handlers/catalog/get-product.ts',
      (text) => {
        const edited = text.replace(
          'status: 200,',
          "status: 200,\n    headers: { 'x-served-by': 'edited handler' },",
        );
        if (edited === text) throw new Error('get-product.ts no longer has the line this test edits');
        return edited;
      },
      HANDLERS_RELOADED,
    );
    const response = await get(`/catalog/products/${PRODUCT}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-served-by')).toBe('edited handler');
    await restore();
  });

  it('regenerates and serves a changed contract; a broken one keeps the last good version', async () => {
    expect((await get('/catalog/products?limit=50')).status).toBe(200);
    await edit(
      'contracts/catalog/openapi.yaml',
      (text) => text.replace(/(- name: limit[\s\S]*?maximum: )100/, '$120'),
      /catalog: contract changed; regenerated \d+ file\(s\) and reloaded in \d+ ms/,
    );
    const tooMany = await get('/catalog/products?limit=50');
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
      in: 'query',
      name: 'limit',
    });

    await edit(
      'contracts/catalog/openapi.yaml',
      (text) =>
        text.replace(
          "$ref: '#/components/parameters/Cursor'",
          "$ref: '#/components/parameters/NoSuchParameter'",
        ),
      /catalog: the contract has errors; still serving the last good version/,
    );
    expect(dev.output()).toContain('NoSuchParameter');
    expect((await get('/catalog/products?limit=10')).status).toBe(200);
  });

  it('answers 500 for a throwing handler and keeps serving', async () => {
    const restore = await edit(
      'handlers/catalog/get-product.ts',
      (text) =>
        text.replace(
          'const product = await',
          "if (path.productId.endsWith('13')) throw new Error('boom in handler');\n  const product = await",
        ),
      HANDLERS_RELOADED,
    );
    const failing = await get(`/catalog/products/${PRODUCT}`);
    expect(failing.status).toBe(500);
    expect(await failing.text()).not.toContain('boom');
    expect((await get('/catalog/products?limit=1')).status).toBe(200);
    await restore();
  });

  it('answers 504 for a hanging handler, restarts the function, and the other contexts never notice', async () => {
    const restore = await edit(
      'handlers/catalog/list-products.ts',
      (text) =>
        text.replace(
          'const result = await browseProducts(',
          "if (query.q === 'hang') for (;;) {}\n  const result = await browseProducts(",
        ),
      HANDLERS_RELOADED,
    );
    const hanging = get('/catalog/products?q=hang');
    const recommendationsMeanwhile = await get(`/recommendations/products/${PRODUCT}/recommendations`);
    expect(recommendationsMeanwhile.status).toBe(401);
    const timedOut = await hanging;
    expect(timedOut.status).toBe(504);
    expect(((await timedOut.json()) as { title: string }).title).toBe('Gateway Timeout');
    expect(dev.output()).toMatch(/timed out after 2000 ms; restarting the function/);
    expect((await get('/catalog/products?limit=1')).status).toBe(200);
    await restore();
  }, 30_000);
});
