/**
 * A real npm registry on loopback for tests: verdaccio with a throwaway storage, no uplinks
 * (so nothing is ever fetched from the internet), one user, started and stopped by the test.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface LocalRegistry {
  readonly url: string;
  /** An npm user config (`NPM_CONFIG_USERCONFIG`) that holds this registry's token. */
  readonly userconfig: string;
  /** Output verdaccio printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** @example const registry = await startVerdaccio(); ... await registry.stop(); */
export async function startVerdaccio(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-verdaccio-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(join(dir, 'storage'));
  writeFileSync(
    join(dir, 'config.yaml'),
    `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
    max_users: 10
# No uplinks: every package must be published here first.
uplinks: {}
packages:
  '@*/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    publish: $authenticated
web:
  enable: false
middlewares:
  audit:
    enabled: false
log:
  type: stdout
  format: pretty
  level: warn
`,
  );
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      resolve('node_modules/verdaccio/bin/verdaccio'),
      '--config',
      join(dir, 'config.yaml'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(
      url,
      () => child.exitCode !== null,
      () => output,
    );
    const token = await addUser(url, 'charter-test', 'charter-test-password');
    const userconfig = join(dir, 'npmrc');
    writeFileSync(userconfig, `//127.0.0.1:${port}/:_authToken=${token}\n`);
    return { url, userconfig, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilUp(url: string, died: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (died()) throw new Error(`verdaccio exited:\n${output()}`);
    const up = await fetch(`${url}/-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`verdaccio did not answer at ${url} within 30 s:\n${output()}`);
}

/** Registers a user the way `npm adduser` does and returns its token. */
async function addUser(url: string, name: string, password: string): Promise<string> {
  const response = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password, type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token)
    throw new Error(`verdaccio refused the test user: ${JSON.stringify(body)}`);
  return body.token;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}
