/**
 * Runs benchmark work in fresh Node processes: wall time, peak RSS (through report-rss.mjs)
 * and, for worker scripts, the JSON they print on their last stdout line.
 * @module
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const REPORT_RSS = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));

export interface ChildResult {
  readonly code: number | null;
  readonly wallMs: number;
  /** Peak RSS of the Node process in KiB (NaN when it did not report). */
  readonly maxRssKib: number;
  /** CPU time (user + system, all threads) of the Node process in ms (NaN when it did not report). */
  readonly cpuMs: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What the script passed to {@link writeResult}. */
  readonly result?: string;
}

export interface ChildOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  /** Extra node flags before the script. */
  readonly nodeArgs?: readonly string[];
  /** Load tsx so the script may be TypeScript. */
  readonly tsx?: boolean;
  readonly timeoutMs?: number;
  /** Drop the child's stdout instead of collecting it (request logs of a load test). */
  readonly quietStdout?: boolean;
}

/** Runs `node [flags] script ...args` and measures it. */
export function runNode(
  script: string,
  args: readonly string[] = [],
  options: ChildOptions = {},
): Promise<ChildResult> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-bench-'));
  const rssFile = join(dir, 'rss');
  const resultFile = join(dir, 'result.json');
  const flags = [
    ...(options.tsx ? ['--import', 'tsx'] : []),
    '--import',
    REPORT_RSS,
    ...(options.nodeArgs ?? []),
  ];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, script, ...args], {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile, BENCH_RESULT_FILE: resultFile },
      stdio: ['ignore', options.quietStdout ? 'ignore' : 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      let maxRssKib = Number.NaN;
      let cpuMs = Number.NaN;
      let result: string | undefined;
      try {
        [maxRssKib, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
      } catch {}
      try {
        result = readFileSync(resultFile, 'utf8');
      } catch {}
      rmSync(dir, { recursive: true, force: true });
      resolve({
        code,
        wallMs,
        maxRssKib,
        cpuMs,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        result,
      });
    });
  });
}

/** Runs a TypeScript worker script that reports through {@link writeResult}. */
export async function runJson<T>(
  script: string,
  args: readonly string[] = [],
  options: ChildOptions = {},
): Promise<T & { maxRssKib: number; wallMs: number; cpuMs: number }> {
  const result = await runNode(script, args, { tsx: true, ...options });
  if (result.code !== 0 || result.result === undefined) {
    throw new Error(
      `${script} ${args.join(' ')} failed (exit ${result.code}):\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-1000)}`,
    );
  }
  return {
    ...(JSON.parse(result.result) as T),
    maxRssKib: result.maxRssKib,
    wallMs: result.wallMs,
    cpuMs: result.cpuMs,
  };
}

/** Called by worker scripts: hands a JSON result to {@link runJson} in the parent. */
export function writeResult(value: unknown): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (!file) throw new Error('writeResult: not started by runJson');
  writeFileSync(file, JSON.stringify(value));
}

/** Fails loudly when a command that must succeed did not. */
export function ensureOk(result: ChildResult, what: string): ChildResult {
  if (result.code !== 0)
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stderr.slice(-3000)}`);
  return result;
}
