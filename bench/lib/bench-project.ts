/**
 * The bench project: a copy of bench/fixtures/bench-api under .charter/bench (git-ignored),
 * generated and bundled with the real `charter` CLI, so every suite measures what users run.
 * @module
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureOk, REPO, runNode } from './child.ts';

export const WORK = join(REPO, '.charter', 'bench');
export const CHARTER = join(REPO, 'platform', 'bin', 'charter.mjs');
const FIXTURE = join(REPO, 'bench', 'fixtures', 'bench-api');

export interface BenchProject {
  readonly root: string;
  /** `charter bundle` output, one function per operation. */
  readonly perOperation: (fn: 'place-order' | 'get-item') => string;
  /** `charter bundle --strategy per-context` output: both operations in one function. */
  readonly lith: string;
}

let prepared: Promise<BenchProject> | undefined;

/** Copies, generates and bundles the bench project once per `npm run bench`. */
export function benchProject(): Promise<BenchProject> {
  prepared ??= prepare();
  return prepared;
}

async function prepare(): Promise<BenchProject> {
  const root = join(WORK, 'bench-api');
  mkdirSync(root, { recursive: true });
  for (const dir of ['contracts', 'handlers']) {
    rmSync(join(root, dir), { recursive: true, force: true });
    cpSync(join(FIXTURE, dir), join(root, dir), { recursive: true });
  }
  ensureOk(await runNode(CHARTER, ['generate'], { cwd: root }), 'charter generate (bench project)');
  const perOperation = join(root, 'dist', 'per-operation');
  const perContext = join(root, 'dist', 'per-context');
  ensureOk(await runNode(CHARTER, ['bundle', '--out', perOperation], { cwd: root }), 'charter bundle');
  ensureOk(
    await runNode(CHARTER, ['bundle', '--strategy', 'per-context', '--out', perContext], { cwd: root }),
    'charter bundle --strategy per-context',
  );
  const lith = join(perContext, 'bench', 'bench', 'index.mjs');
  if (!existsSync(lith)) throw new Error(`charter bundle did not write ${lith}`);
  return {
    root,
    perOperation: (fn) => join(perOperation, 'bench', fn, 'index.mjs'),
    lith,
  };
}
