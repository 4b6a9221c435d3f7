/**
 * Turns a (possibly multi-file) contract into one document with Redocly's bundler, the same one
 * `redocly bundle` uses, so what we generate from is what Redocly lints and renders.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { bundle, createConfig } from '@redocly/openapi-core';
import { parse as parseYaml } from 'yaml';
import { resolvePointer } from '../model/json-pointer.ts';
import { type ContractProblem, ProblemList } from '../model/problems.ts';

export interface BundledContract {
  readonly file: string;
  readonly document: Record<string, unknown>;
  /** Every file the contract is made of, for change detection and hot reload. */
  readonly files: readonly string[];
  readonly problems: readonly ContractProblem[];
}

let sharedConfig: ReturnType<typeof createConfig> | undefined;

/**
 * @param file path of the entry document (`contracts/<ctx>/openapi.yaml`)
 * @param root directory problems are reported relative to
 * @example const { document, problems } = await bundleContract('contracts/orders/openapi.yaml', process.cwd());
 */
export async function bundleContract(file: string, root: string): Promise<BundledContract> {
  const shown = relative(root, file) || file;
  const problems = new ProblemList(shown);
  try {
    await readFile(file);
  } catch {
    problems.error('', `cannot read the contract file ${shown}`, 'create it, or name an existing context');
    return { file, document: {}, files: [file], problems: problems.items };
  }
  sharedConfig ??= createConfig({}, {});
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ ref: file, config: await sharedConfig, dereference: false });
  } catch (error) {
    problems.error('', `the contract cannot be parsed: ${firstLine(error)}`, 'fix the YAML/JSON syntax');
    return { file, document: {}, files: [file], problems: problems.items };
  }
  for (const problem of result.problems) {
    if (problem.severity !== 'error') continue;
    const location = problem.location[0];
    const source = location ? relative(root, location.source.absoluteRef) : shown;
    const pointer = location?.pointer?.replace(/^#/, '') ?? '';
    const ref = location ? refAt(location.source.body, pointer) : undefined;
    problems.items.push({
      severity: 'error',
      file: source,
      pointer,
      message: ref ? `${problem.message.replace(/\.$/, '')} "${ref}"` : problem.message,
      fix: problem.suggest.length > 0 ? `did you mean ${problem.suggest.join(', ')}?` : 'fix the reference',
    });
  }
  const document = result.bundle.parsed as Record<string, unknown> | null;
  if (!document || typeof document !== 'object') {
    problems.error('', 'the contract is empty', 'write an OpenAPI 3.1 document');
    return { file, document: {}, files: [file], problems: problems.items };
  }
  return { file, document, files: [...result.fileDependencies].sort(), problems: problems.items };
}

/** The `$ref` text at a pointer of a source file, to name what could not be resolved. */
function refAt(body: string, pointer: string): string | undefined {
  try {
    const node = resolvePointer(parseYaml(body), pointer) as { $ref?: unknown } | undefined;
    return typeof node?.$ref === 'string' ? node.$ref : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
