/**
 * Runs the npm CLI: packing and publishing go through the client a user already has
 * configured, so registries, scopes and credentials come from their own .npmrc.
 * @module
 */
import { spawn } from 'node:child_process';

export interface NpmResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** @example const { code, stdout } = await npm(['pack', '--json'], { cwd: '/tmp/pkg' }); */
export function npm(args: readonly string[], options: { cwd: string }): Promise<NpmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // npm warns about the Node version and funding on stderr; none of it matters here.
      env: { ...process.env, NPM_CONFIG_FUND: 'false', NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The lines of npm's error output worth showing a user. @example npmError(result) // 'npm error code E404 / ...' */
export function npmError(result: NpmResult): string {
  const lines = result.stderr
    .split('\n')
    .filter((l) => /npm (error|ERR!)/.test(l) && !/A complete log/.test(l));
  return (
    lines.slice(0, 3).join(' / ') ||
    result.stderr.trim().split('\n')[0] ||
    `exit code ${result.code}`
  ).trim();
}
