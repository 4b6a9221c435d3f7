/**
 * `charter bundle` for a context with `"runtime": "fargate"` (recommendations in the example
 * project): the container recipe, and its server answering over real HTTP from the bundle alone
 * in a fresh Node process, then draining on SIGTERM. Docker cannot run here, so the image itself
 * is not built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSignals } from '../../handlers/recommendations/sql-repository.ts';
import { BASE_IMAGE } from '../../platform/bundle/build-container.ts';
import { identityHeaders } from '../../platform/runtime/adapters/http/index.ts';
import { createPgClient } from '../../platform/runtime/data/index.ts';

const out = mkdtempSync(join(tmpdir(), 'charter-container-'));
const recipe = join(out, 'containers', 'recommendations');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('charter bundle, a Fargate context', () => {
  beforeAll(() => {
    const run = spawnSync(
      process.execPath,
      [resolve('platform/bin/charter.mjs'), 'bundle', 'recommendations', '--out', join(out, 'functions')],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toContain('container recipe (fargate)');
    expect(run.status).toBe(0);
  }, 60_000);

  it('writes a Dockerfile over a minimal base image, the bundled server and its migrations, and no functions', () => {
    const docker = readFileSync(join(recipe, 'Dockerfile'), 'utf8');
    expect(docker).toContain(`FROM ${BASE_IMAGE}`);
    expect(docker).toContain('COPY server.mjs ./');
    expect(docker).toContain('COPY migrations/ ./migrations/');
    expect(docker).toContain('CMD ["server.mjs"]');
    expect(existsSync(join(recipe, 'migrations'))).toBe(true);
    expect(existsSync(join(out, 'functions', 'recommendations'))).toBe(false);
  });

  it('serves the contract from the bundle alone, answers health, and exits 0 on SIGTERM', async () => {
    const { child, url, output } = await startBundledServer({});
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const withKey = identityHeaders({}, 'storefront-key');
    const id = '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13';
    const found = await fetch(`${url}/recommendations/products/${id}/recommendations`, { headers: withKey });
    expect(found.status).toBe(200);
    const anonymous = await fetch(`${url}/products/${id}/recommendations`);
    expect(anonymous.status).toBe(401);
    const invalid = await fetch(`${url}/products/not-a-uuid/recommendations`, { headers: withKey });
    expect(invalid.status).toBe(400);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
  });

  it.skipIf(!process.env.CHARTER_TEST_DATABASE_URL)(
    'on a real PostgreSQL (DATABASE_URL): applies the migrations shipped beside the server, then serves from it',
    async () => {
      const database = `charter_container_${Date.now()}`;
      const admin = createPgClient({ connectionString: process.env.CHARTER_TEST_DATABASE_URL as string });
      await admin.exec(`CREATE DATABASE ${database}`);
      const url = new URL(process.env.CHARTER_TEST_DATABASE_URL as string);
      url.pathname = `/${database}`;
      try {
        const server = await startBundledServer({ DATABASE_URL: url.href });
        // The server migrated the empty database on start; signals written now are what it reads.
        const db = createPgClient({ connectionString: url.href });
        await db.transaction((tx) =>
          insertSignals(tx, {
            products: {},
            trending: [{ productId: 'p-sock', weight: 0.9 }],
            users: { u_runner: { purchased: [], viewed: [] } },
            sessions: {},
          }),
        );
        const headers = identityHeaders({}, 'storefront-key');
        const known = await fetch(`${server.url}/users/u_runner/recommendations`, { headers });
        expect(known.status).toBe(200);
        expect(await known.json()).toMatchObject({ userId: 'u_runner' });
        const unknown = await fetch(`${server.url}/users/u_ghost/recommendations`, { headers });
        expect(unknown.status).toBe(404);
        server.child.kill('SIGTERM');
        expect(await new Promise((done) => server.child.on('close', done))).toBe(0);
        const [{ count }] = await db.query<{ count: number }>(
          "SELECT count(*)::int AS count FROM charter_migrations WHERE context = 'recommendations'",
        );
        await db.close();
        expect(count).toBeGreaterThan(0);
      } finally {
        await admin.exec(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.close();
      }
    },
  );
});

/** Runs `server.mjs` from the recipe folder in a fresh Node process, as the image's CMD does. */
async function startBundledServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(recipe, 'server.mjs')], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, PORT: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((done, fail) => {
    child.on('exit', (code) => fail(new Error(`server exited ${code}: ${stdout}${stderr}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) done((JSON.parse(line) as { url: string }).url);
    });
  });
  child.removeAllListeners('exit');
  return { child, url, output: () => stdout };
}
