/**
 * Turns `sdk/<ctx>/` into the folder npm packs: the TypeScript sources compiled to ESM with
 * declarations (tsc, so the `.d.ts` are exactly what the compiler checked), next to the
 * README, package.json, the contract and the changelog.
 * @module
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface BuildInput {
  /** Absolute path of `sdk/<ctx>`. */
  readonly source: string;
  /** Absolute path of the folder to build in; emptied first. */
  readonly stage: string;
  /** Extra files of the package (name → contents): the contract and the changelog. */
  readonly extra: Readonly<Record<string, string>>;
}

/** Every compiler message of an SDK that does not compile. @example throw new SdkBuildError(['src/x.gen.ts:3: ...']); */
export class SdkBuildError extends Error {
  constructor(readonly diagnostics: readonly string[]) {
    super(`the SDK does not compile:\n${diagnostics.map((d) => `  ${d}`).join('\n')}`);
    this.name = 'SdkBuildError';
  }
}

/**
 * Builds into `stage`; throws SdkBuildError with every compiler message when the sources
 * do not compile.
 * @example buildPackage({ source: '/repo/sdk/catalog', stage: '/repo/dist/sdk/.build/catalog', extra: {} });
 */
export function buildPackage(input: BuildInput): void {
  rmSync(input.stage, { recursive: true, force: true });
  mkdirSync(input.stage, { recursive: true });
  for (const file of ['package.json', 'README.md'])
    copyFileSync(join(input.source, file), join(input.stage, file));
  for (const [name, contents] of Object.entries(input.extra))
    writeFileSync(join(input.stage, name), contents);

  const sources = readdirSync(join(input.source, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const program = ts.createProgram(sources, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    // DOM's fetch types, not Node's: the package runs in browsers, Node, Deno and workers alike.
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    strict: true,
    declaration: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    rootDir: join(input.source, 'src'),
    outDir: join(input.stage, 'dist'),
    newLine: ts.NewLineKind.LineFeed,
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  if (diagnostics.length > 0) {
    throw new SdkBuildError(
      diagnostics.map((d) => {
        const where = d.file
          ? `${relative(input.source, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
          : '';
        return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
  }
}
