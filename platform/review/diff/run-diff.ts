/**
 * Both ways to run `charter diff`: two contract files, or every context at a git ref against
 * the working tree. Input that cannot be compared comes back as problems (exit code 2).
 * @module
 */
import { relative } from 'node:path';
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { type DiffOptions, diffContracts } from './diff-contracts.ts';
import { loadContract } from './document/load-contract.ts';
import { contractsAtRef } from './git-ref.ts';
import { addedContext, type ContextReport, removedContext, reportFor } from './report.ts';

export type DiffRun =
  | { readonly ok: true; readonly reports: ContextReport[] }
  | { readonly ok: false; readonly problems: string[] };

/**
 * @example const run = await diffFiles('old/openapi.yaml', 'contracts/orders/openapi.yaml', process.cwd());
 */
export async function diffFiles(
  baseFile: string,
  headFile: string,
  root: string,
  options: DiffOptions = {},
): Promise<DiffRun> {
  const [base, head] = await Promise.all([loadContract(baseFile, root), loadContract(headFile, root)]);
  const problems = [...(base.ok ? [] : base.problems), ...(head.ok ? [] : head.problems)];
  if (!base.ok || !head.ok) return { ok: false, problems };
  const changes = diffContracts(base.document, head.document, options);
  return { ok: true, reports: [reportFor(undefined, changes, base.document.version, head.document.version)] };
}

/**
 * Compares each context's contract at `ref` with the working tree. A context only in the head
 * is an addition; one only at the ref was removed.
 * @param names contexts to compare; all when empty
 * @example const run = await diffAgainstRef(process.cwd(), 'origin/main', ['orders']);
 */
export async function diffAgainstRef(
  root: string,
  ref: string,
  names: readonly string[],
  options: DiffOptions = {},
): Promise<DiffRun> {
  let snapshot: Awaited<ReturnType<typeof contractsAtRef>>;
  try {
    snapshot = await contractsAtRef(root, ref);
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  try {
    const before = new Map(findContexts(snapshot.root).map((c) => [c.name, c]));
    const after = new Map(findContexts(root).map((c) => [c.name, c]));
    const all = [...new Set([...before.keys(), ...after.keys()])].sort();
    const unknown = names.filter((n) => !all.includes(n));
    if (unknown.length > 0) {
      return {
        ok: false,
        problems: [
          `no contract for ${unknown.map((u) => `"${u}"`).join(', ')} at ${ref} or in the working tree (found: ${all.join(', ') || 'none'})`,
        ],
      };
    }
    const reports: ContextReport[] = [];
    const problems: string[] = [];
    for (const name of names.length > 0 ? [...names].sort() : all) {
      const b = before.get(name);
      const h = after.get(name);
      if (!b && h) {
        const loaded = await loadContract(h.contractFile, root);
        if (!loaded.ok) problems.push(...loaded.problems);
        else reports.push(addedContext(name, relative(root, h.contractFile), loaded.document.version));
        continue;
      }
      if (b && !h) {
        const loaded = await loadContract(
          b.contractFile,
          snapshot.root,
          `${ref}:${relative(snapshot.root, b.contractFile)}`,
        );
        reports.push(
          removedContext(
            name,
            relative(snapshot.root, b.contractFile),
            loaded.ok ? loaded.document.version : '',
          ),
        );
        continue;
      }
      const [base, head] = await Promise.all([
        loadContract(b!.contractFile, snapshot.root, `${ref}:${relative(snapshot.root, b!.contractFile)}`),
        loadContract(h!.contractFile, root),
      ]);
      if (!base.ok || !head.ok) {
        problems.push(...(base.ok ? [] : base.problems), ...(head.ok ? [] : head.problems));
        continue;
      }
      const changes = diffContracts(base.document, head.document, options);
      reports.push(reportFor(name, changes, base.document.version, head.document.version));
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, reports };
  } finally {
    await snapshot.dispose();
  }
}
