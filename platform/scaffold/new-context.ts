/**
 * `charter new <ctx> [--from <source>]`: a bounded context in one step — its contract (the
 * starter one, or a renamed copy of another context's), its generated code and SDK package, its
 * handlers folder with a passing test, and its entry in `redocly.yaml`. infra/ and `charter dev`
 * find contexts under contracts/ by themselves, so there is nothing to register there. Nothing
 * that exists is ever overwritten, and a failed run removes what it wrote.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { generateContext } from '../codegen/generate.ts';
import { formatProblem } from '../codegen/model/problems.ts';
import { type ContextSource, findContexts } from '../codegen/parse/find-contexts.ts';
import { syncContextOutput } from '../codegen/write/sync-output.ts';
import { lintContexts } from '../review/index.ts';
import { type ClonedContract, cloneContract } from './clone-contract.ts';
import { contextNameProblem } from './context-names.ts';
import { handlerFiles } from './handler-files.ts';
import { redoclyRegistration } from './register-redocly.ts';
import { sampleRequests } from './sample-requests.ts';
import { starterContract } from './starter-contract.ts';

/** Paths the local gateway serves itself, next to `/<ctx>`. */
const RESERVED = new Set(['docs', 'openapi']);

export interface NewContextOptions {
  readonly name: string;
  /** Clone this context's contract instead of writing the starter one. */
  readonly from?: string;
}

export type NewContextResult =
  | {
      readonly ok: true;
      /** Every file and folder written, relative to the root. */
      readonly written: readonly string[];
      readonly renamed?: ClonedContract['renamed'];
      readonly lint: { readonly errors: number; readonly warnings: number };
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly exitCode: number; readonly problems: readonly string[] };

/** @example const result = await newContext('/repo', { name: 'catalog-v2', from: 'catalog' }); */
export async function newContext(root: string, options: NewContextOptions): Promise<NewContextResult> {
  const { name, from } = options;
  const refused = (exitCode: number, ...problems: string[]) => ({ ok: false as const, exitCode, problems });
  const nameProblem = contextNameProblem(name);
  if (nameProblem) return refused(2, nameProblem);
  if (RESERVED.has(name))
    return refused(
      2,
      `"${name}" is taken: the local gateway serves its API reference at /${name}; choose another name`,
    );
  const contexts = findContexts(root);
  let source: ContextSource | undefined;
  if (from !== undefined) {
    source = contexts.find((c) => c.name === from);
    if (!source)
      return refused(
        2,
        `--from ${from}: no contract at contracts/${from}/openapi.yaml (found: ${contexts.map((c) => c.name).join(', ') || 'none'})`,
      );
  }
  const taken = await conflicts(root, name);
  if (taken.length > 0)
    return refused(
      1,
      `"${name}" is already in use, so nothing was written: ${taken.join('; ')}. Choose another name, or remove those first.`,
    );

  let contract: Map<string, string>;
  let renamed: ClonedContract['renamed'] | undefined;
  const notes: string[] = [];
  if (source) {
    const clone = await cloneContract(root, source, name);
    if (clone.problems.length > 0)
      return refused(
        1,
        `--from ${from}: its contract has errors, so it cannot be cloned:`,
        ...clone.problems,
      );
    contract = new Map(clone.files);
    renamed = clone.renamed;
    notes.push(...clone.warnings);
  } else {
    contract = new Map([[join(root, 'contracts', name, 'openapi.yaml'), starterContract(name)]]);
  }

  const created = ['contracts', 'generated', 'sdk', 'handlers'].map((dir) => join(root, dir, name));
  try {
    for (const [file, text] of contract) await write(file, text);
    const entry = { name, contractFile: join(root, 'contracts', name, 'openapi.yaml') };
    const output = await generateContext(root, entry);
    const errors = output.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 || !output.model) {
      await removeAll(created);
      return refused(
        1,
        'the new contract does not generate (nothing was kept):',
        ...errors.map(formatProblem),
      );
    }
    await syncContextOutput(root, output, { check: false });
    const cases = await sampleRequests(root, output.model);
    if (cases.missing.length > 0)
      notes.push(
        `no accepted request could be made for ${cases.missing.join(', ')}; handlers/${name}/handlers.test.ts says where to add one`,
      );
    const handlers = handlerFiles(name, cases).map((f) => ({
      ...f,
      path: join(root, 'handlers', name, f.name),
    }));
    for (const file of handlers) await write(file.path, file.contents);
    const formatted = formatWithBiome(
      root,
      handlers.map((f) => f.path),
    );
    if (formatted !== 'formatted') notes.push(formatted);
  } catch (error) {
    await removeAll(created);
    throw error;
  }

  const contractPath = `contracts/${name}/openapi.yaml`;
  const registration = await redoclyRegistration(root, name, contractPath);
  if (registration.status === 'added') await writeFile(join(root, 'redocly.yaml'), registration.text);
  else if (registration.status === 'no-apis')
    notes.push(
      `redocly.yaml has no apis: map; add "${name}: { root: ${contractPath} }" for npx redocly lint`,
    );

  const lintRun = await lintContexts(root, [name]);
  const findings = lintRun.ok ? lintRun.findings : [];
  const lint = {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
  const written = [
    ...created.filter((dir) => existsSync(dir)).map((dir) => `${relative(root, dir)}/`),
    ...(registration.status === 'added' ? ['redocly.yaml'] : []),
  ];
  return { ok: true, written, renamed, lint, notes };
}

/** Everything that already carries the name, said so the user can decide what to do. */
async function conflicts(root: string, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const dir of ['contracts', 'generated', 'sdk', 'handlers']) {
    if (existsSync(join(root, dir, name))) found.push(`${dir}/${name} already exists`);
  }
  const registration = await redoclyRegistration(root, name, `contracts/${name}/openapi.yaml`);
  if (registration.status === 'present') found.push(`redocly.yaml already lists "${name}" under apis`);
  return found;
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text, { flag: 'wx' });
}

async function removeAll(paths: readonly string[]): Promise<void> {
  for (const path of paths) await rm(path, { recursive: true, force: true });
}

/** The repository's formatter, so the new files pass its checks as they are. */
function formatWithBiome(root: string, files: readonly string[]): 'formatted' | string {
  let biome: string;
  try {
    biome = createRequire(join(root, 'package.json')).resolve('@biomejs/biome/bin/biome');
  } catch {
    return 'Biome is not installed here, so the handler files were written unformatted';
  }
  // Explicit files are formatted even where an ignore file would skip their folder.
  const result = spawnSync(
    process.execPath,
    [biome, 'check', '--write', '--vcs-use-ignore-file=false', ...files],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (result.status === 0) return 'formatted';
  return `Biome found problems in the handler files; run npx biome check ${files.map((f) => relative(root, f)).join(' ')}:\n${`${result.stdout}${result.stderr}`.trim()}`;
}
