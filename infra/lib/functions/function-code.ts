/**
 * Where each planned function's code comes from: the bundles `charter bundle` writes (the same
 * artifacts a user could deploy with other tools), or one shared code for every function (mock
 * handlers, tests).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { PlannedFunction } from '../../../platform/bundle/plan-functions.ts';

interface Manifest {
  readonly functions: readonly {
    readonly name: string;
    readonly operations: readonly string[];
    readonly entry: string;
  }[];
}

/**
 * @example FunctionCode.fromBundleDir('dist/functions')
 */
export abstract class FunctionCode {
  /**
   * The bundles of `charter bundle --out <dir>`: `<dir>/<ctx>/manifest.json` and one folder per function.
   * @example new ContractApi(stack, 'Api', { contract, code: FunctionCode.fromBundleDir('dist/functions') })
   */
  static fromBundleDir(dir: string): FunctionCode {
    return new BundleDirCode(dir);
  }

  /**
   * One folder's code for every function, e.g. a mock handler that answers 501. CDK stages it
   * once, however many functions and nested stacks use it.
   * @example FunctionCode.shared('test/mock-handler')
   */
  static shared(dir: string): FunctionCode {
    return new SharedCode(dir);
  }

  /** What keeps the code from matching the plan, each with how to fix it. */
  abstract problems(context: string, plan: readonly PlannedFunction[], strategy: string): string[];

  abstract codeFor(context: string, fn: PlannedFunction): lambda.Code;
}

class SharedCode extends FunctionCode {
  constructor(private readonly dir: string) {
    super();
  }

  problems(): string[] {
    return existsSync(join(this.dir, 'index.mjs'))
      ? []
      : [`${this.dir}/index.mjs is missing: FunctionCode.shared needs a folder with the handler module`];
  }

  codeFor(): lambda.Code {
    // An asset Code belongs to one stack; a fresh one per function lets nested stacks share the folder.
    return lambda.Code.fromAsset(this.dir);
  }
}

class BundleDirCode extends FunctionCode {
  private readonly manifests = new Map<string, Manifest | undefined>();

  constructor(private readonly dir: string) {
    super();
  }

  problems(context: string, plan: readonly PlannedFunction[], strategy: string): string[] {
    const rebuild = `run \`npx charter bundle ${context} --strategy ${strategy}\``;
    const manifest = this.manifest(context);
    const file = relative(process.cwd(), join(this.dir, context, 'manifest.json')) || 'manifest.json';
    if (!manifest) return [`${file} is missing: the functions of ${context} are not bundled; ${rebuild}`];
    const problems: string[] = [];
    for (const fn of plan) {
      const bundled = manifest.functions.find((f) => f.name === fn.name);
      const planned = fn.operations.map((op) => op.operationId).sort();
      if (!bundled) {
        problems.push(
          `${file}: function "${fn.name}" (${planned.join(', ')}) has no bundle, so its handler cannot be deployed; ${rebuild}`,
        );
      } else if (JSON.stringify([...bundled.operations].sort()) !== JSON.stringify(planned)) {
        problems.push(
          `${file}: function "${fn.name}" bundles ${bundled.operations.join(', ')} but the contract now puts ${planned.join(', ')} in it; ${rebuild}`,
        );
      } else if (!existsSync(join(this.dir, context, bundled.entry))) {
        problems.push(`${file}: ${bundled.entry} is missing; ${rebuild}`);
      }
    }
    return problems;
  }

  codeFor(context: string, fn: PlannedFunction): lambda.Code {
    return lambda.Code.fromAsset(join(this.dir, context, fn.name));
  }

  private manifest(context: string): Manifest | undefined {
    if (!this.manifests.has(context)) {
      const file = join(this.dir, context, 'manifest.json');
      this.manifests.set(
        context,
        existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined,
      );
    }
    return this.manifests.get(context);
  }
}
