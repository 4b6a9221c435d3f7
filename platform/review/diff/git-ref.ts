/**
 * `charter diff --base <git-ref>`: writes the `contracts/` folder as it was at a git ref into a
 * temporary directory, so every context (split files included) is bundled exactly as it was.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Snapshot {
  /** A directory holding `contracts/` as it was at the ref. */
  readonly root: string;
  /** Removes the directory. */
  dispose(): Promise<void>;
}

/**
 * @param root the repository directory that holds `contracts/` (may be below the git top level)
 * @example const snapshot = await contractsAtRef(process.cwd(), 'origin/main');
 */
export async function contractsAtRef(root: string, ref: string): Promise<Snapshot> {
  // A ref that looks like an option would be read as one by git.
  if (ref.startsWith('-') || ref.trim() === '') throw new Error(`"${ref}" is not a git ref`);
  const git = (...args: string[]) =>
    run('git', args, { cwd: root, maxBuffer: 256 * 2 ** 20, encoding: 'buffer' });
  try {
    await git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  } catch {
    throw new Error(
      `git does not know the ref "${ref}" (fetch it first, e.g. git fetch origin ${ref.replace(/^origin\//, '')})`,
    );
  }
  const listing = await git('ls-tree', '-r', '-z', '--name-only', ref, '--', 'contracts');
  const files = listing.stdout.toString('utf8').split('\0').filter(Boolean);
  const dir = await mkdtemp(join(tmpdir(), 'charter-diff-'));
  try {
    await Promise.all(
      files.map(async (file) => {
        const { stdout } = await git('show', `${ref}:./${file}`);
        const target = join(dir, file);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, stdout);
      }),
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { root: dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
