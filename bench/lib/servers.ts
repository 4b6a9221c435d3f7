/**
 * Long-running servers for the load benchmarks: started in their own process, ready when they
 * print `READY <json>` (or a line matching a pattern), their output drained so logging never
 * blocks them, stopped with SIGTERM.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { REPO } from './child.ts';

const REPORT_RSS = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));

export interface RunningServer<T> {
  readonly info: T;
  /** Stops the server; resolves with its peak RSS (KiB) and CPU time (ms), when it reported them. */
  stop(): Promise<{ maxRssKib: number; cpuMs: number }>;
}

export interface ServerOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly tsx?: boolean;
  /** A line that means "ready" when the server does not print READY (its JSON is then `{}`). */
  readonly readyPattern?: RegExp;
  readonly timeoutMs?: number;
}

/** @example const floor = await startServer<{ url: string }>('bench/workers/raw-http-floor.mjs'); */
export function startServer<T>(
  script: string,
  args: readonly string[],
  options: ServerOptions = {},
): Promise<RunningServer<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-bench-server-'));
  const rssFile = join(dir, 'rss');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.tsx ? ['--import', 'tsx'] : []), '--import', REPORT_RSS, script, ...args],
    {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
  };
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not become ready in time:\n${output.join('\n')}`));
    }, options.timeoutMs ?? 60_000);
    let ready = false;
    const onLine = (line: string) => {
      keep(line);
      if (ready) return;
      const info = line.startsWith('READY ')
        ? JSON.parse(line.slice(6))
        : options.readyPattern?.test(line)
          ? {}
          : undefined;
      if (info === undefined) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        info: info as T,
        async stop() {
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
          let maxRssKib = Number.NaN;
          let cpuMs = Number.NaN;
          try {
            [maxRssKib, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
          } catch {}
          rmSync(dir, { recursive: true, force: true });
          return { maxRssKib, cpuMs };
        },
      });
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', onLine);
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', onLine);
    child.on('exit', (code) => {
      if (!ready) {
        clearTimeout(timer);
        reject(new Error(`${script} exited (${code}) before it was ready:\n${output.join('\n')}`));
      }
    });
  });
}
