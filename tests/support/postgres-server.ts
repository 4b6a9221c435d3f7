/**
 * A throwaway PostgreSQL server for tests: a fresh cluster (initdb) in a temporary directory on
 * a free loopback port, started with pg_ctl and removed on stop. Debian's binaries are installed
 * by scripts/ensure-postgres.sh. PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the `postgres` user and every command runs through `runuser`.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** `postgres://charter@127.0.0.1:<port>/postgres`, trusted on loopback. */
  readonly url: string;
  /** Stops the server and deletes its data. */
  stop(): void;
}

/** Where initdb, pg_ctl and postgres are, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(): string | undefined {
  const candidates = ['/usr/local/bin'];
  const versions = '/usr/lib/postgresql';
  if (existsSync(versions))
    candidates.push(
      ...readdirSync(versions)
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(versions, v, 'bin')),
    );
  return candidates.find((dir) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin))),
  );
}

/**
 * @returns the running server, or undefined when PostgreSQL is not installed
 * @example const pg = await startPostgres(); ...; pg?.stop();
 */
export async function startPostgres(): Promise<PostgresServer | undefined> {
  const bin = postgresBinaries();
  if (!bin) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'charter-postgres-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  if (owner) chownSync(root, owner.uid, owner.gid);
  const run = (command: string, args: string[]) =>
    execFileSync(
      owner ? 'runuser' : join(bin, command),
      owner ? ['-u', 'postgres', '--', join(bin, command), ...args] : args,
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: root,
      },
    );
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', 'charter', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${root}`,
      // Throwaway data: durability only costs time here.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(root, 'server.log'), '-w', '-t', '30', 'start']);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not start PostgreSQL from ${bin}: ${(error as Error).message}\n${stderr}`);
  }
  return {
    url: `postgres://charter@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `PostgreSQL does not run as root and there is no "${name}" user; run the tests as another user`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
