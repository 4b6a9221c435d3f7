/**
 * Runs the `charter` command in a child process without blocking this one, so a loopback
 * server started by the same test keeps answering while the command talks to it.
 * @module
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const CHARTER = resolve('platform/bin/charter.mjs');

export interface CharterRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** @example const run = await runCharter(['drift', 'catalog', '--rest-api-id', 'a1b2c3', '--stage', 'prod'], { env }); */
export function runCharter(
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<CharterRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHARTER, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
