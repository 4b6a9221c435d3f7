/**
 * The unit of validator compilation: a job compiles a fixed list of validators with fresh ajv
 * instances, so its output depends only on the job, never on which thread ran it or what that
 * thread compiled before (ajv numbers its functions per instance). That keeps generated code
 * byte-identical whether jobs run in worker threads or in the calling thread.
 * @module
 */
import { createRequire } from 'node:module';
import { type Ajv, createAjv } from './ajv-instance.ts';
import { scopedUnit } from './standalone-module.ts';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone/index.js').default as (
  ajv: Ajv,
  refs: Record<string, string>,
) => string;

/** What every job compiles against. */
export interface CompileInput {
  /** The contract document with every schema normalised (see validation-schemas.ts), as JSON. */
  readonly documentJson: string;
  readonly formats: readonly string[];
}

/** The request validators of one operation: export name → schema id, by ajv instance. */
export interface RequestUnit {
  readonly name: string;
  readonly pointer: string;
  readonly coerced: Readonly<Record<string, string>>;
  readonly plain: Readonly<Record<string, string>>;
}

export type CompileJob =
  | { readonly kind: 'requests'; readonly units: readonly RequestUnit[] }
  | {
      readonly kind: 'responses';
      readonly pointer: string;
      readonly exports: Readonly<Record<string, string>>;
    };

export interface CompiledUnit {
  readonly name: string;
  /** Scoped code (see standalone-module.ts) binding `coerced` and `plain`. */
  readonly code: string;
  readonly helpers: readonly string[];
}

export interface JobResult {
  readonly units: readonly CompiledUnit[];
  readonly errors: readonly { readonly pointer: string; readonly message: string }[];
}

/**
 * Runs one job; compile failures are returned, not thrown, so every problem is reported.
 * @example const { units, errors } = runCompileJob(input, { kind: 'requests', units });
 */
export function runCompileJob(input: CompileInput, job: CompileJob): JobResult {
  const document = JSON.parse(input.documentJson) as Record<string, unknown>;
  const formats = new Set(input.formats);
  const units: CompiledUnit[] = [];
  const errors: { pointer: string; message: string }[] = [];
  const compile = (ajv: Ajv, refs: Readonly<Record<string, string>>, scope: string, helpers: Set<string>) => {
    if (Object.keys(refs).length === 0) return `const ${scope} = {};\n`;
    return scopedUnit(standaloneCode(ajv, { ...refs }), scope, helpers);
  };
  if (job.kind === 'responses') {
    // Response checks run outside production only, where compile time matters more than a few
    // per cent of check time: one shared function per schema, and no optimising pass.
    const ajv = createAjv({ coerce: false, document, formats, inlineRefs: false, optimize: false });
    const helpers = new Set<string>();
    try {
      units.push({
        name: 'responses',
        code: compile(ajv, job.exports, 'validators', helpers),
        helpers: [...helpers],
      });
    } catch (error) {
      errors.push({ pointer: job.pointer, message: messageOf(error) });
    }
    return { units, errors };
  }
  // Parameters (and form bodies, encoded like query strings) are coerced; JSON bodies never.
  const coercing = createAjv({ coerce: true, document, formats });
  const strict = createAjv({ coerce: false, document, formats });
  for (const unit of job.units) {
    const helpers = new Set<string>();
    try {
      const code =
        compile(coercing, unit.coerced, 'coerced', helpers) + compile(strict, unit.plain, 'plain', helpers);
      units.push({ name: unit.name, code, helpers: [...helpers] });
    } catch (error) {
      errors.push({ pointer: unit.pointer, message: messageOf(error) });
    }
  }
  return { units, errors };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
