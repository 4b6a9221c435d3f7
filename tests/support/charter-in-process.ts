/**
 * Runs `charter` through its real entry point (`main`) inside the test process, with its own
 * environment and captured output: the same command as the binary, minus the seconds it takes
 * to start a process. Calls must not overlap (they swap `process.env`).
 * @module
 */
import { vi } from 'vitest';
import { main } from '../../platform/cli/main.ts';
import type { CharterRun } from './run-charter.ts';

/** @example const run = await charterInProcess(['drift', 'catalog', ...], aws.env()); */
export async function charterInProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CharterRun> {
  const saved = process.env;
  let stdout = '';
  let stderr = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(' ')}\n`;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.join(' ')}\n`;
  });
  process.env = { ...env };
  try {
    const code = await main([...args]);
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
    log.mockRestore();
    error.mockRestore();
  }
}
