/**
 * A throwaway copy of this repository's contexts with `charter dev` running on it, on a free
 * loopback port, so tests can edit files and keep data without touching the working tree.
 * The copy lives under .charter/ so that handlers still resolve the workspace's packages.
 * @module
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CHARTER = resolve('platform/bin/charter.mjs');

export interface DevProject {
  readonly root: string;
  readonly url: string;
  /** Process id of the running gateway. */
  readonly pid: number;
  /** Everything the gateway printed so far. */
  output(): string;
  /** A position in the output, to wait for what is printed after it. */
  mark(): number;
  /** Waits until the gateway prints a line matching `pattern` (after `since`, when given). */
  waitFor(pattern: RegExp, options?: { since?: number; timeoutMs?: number }): Promise<string>;
  /** Runs another charter command in the project. */
  charter(...args: string[]): { code: number | null; stdout: string; stderr: string };
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startDevProject(
  name: string,
  devArgs: string[] = [],
  keep = false,
  env: Record<string, string> = {},
): Promise<DevProject> {
  const root = resolve('.charter/tmp', `${name}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(root, { recursive: true });
  // Handlers call other contexts through sdk/, so it travels with them.
  for (const part of ['contracts', 'generated', 'handlers', 'sdk', 'charter.config.json']) {
    cpSync(part, join(root, part), { recursive: true });
  }
  return attachDevProject(root, devArgs, keep, env);
}

/** Starts `charter dev` on an existing project folder (for restarts over the same data). */
export async function attachDevProject(
  root: string,
  devArgs: string[] = [],
  keep = false,
  env: Record<string, string> = {},
): Promise<DevProject> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [CHARTER, 'dev', '--port', '0', ...devArgs], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

  const waitFor = (
    pattern: RegExp,
    { since = 0, timeoutMs = 30_000 }: { since?: number; timeoutMs?: number } = {},
  ) =>
    new Promise<string>((done, fail) => {
      const check = () => {
        const match = pattern.exec(output.slice(since));
        if (match) {
          listeners.delete(check);
          clearTimeout(timer);
          done(match[0]);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        fail(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  const banner = await waitFor(/serving \d+ context\(s\) at (http:\/\/[\d.:]+)/);
  const url = /http:\/\/[\d.:]+/.exec(banner)?.[0] as string;
  // The banner's lines can arrive in several chunks; tests read them, so wait for the last one.
  await waitFor(/a bearer token: /);
  return {
    root,
    url,
    pid: child.pid as number,
    output: () => output,
    mark: () => output.length,
    waitFor,
    charter: (...args) => {
      const result = spawnSync(process.execPath, [CHARTER, ...args], { cwd: root, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (!keep) rmSync(root, { recursive: true, force: true });
      return code;
    },
  };
}
