/**
 * Emits `operations/<operationId>.gen.mjs` (one module per operation: its request validators and
 * descriptor, so one operation's function carries nothing of the others), `responses.gen.mjs`
 * (response validators for checks outside production) and `shared/<helper>.gen.mjs` (the few
 * ajv runtime helpers the validators import).
 * @module
 */
import type { ContractModel } from '../../model/model.ts';
import type { ProblemList } from '../../model/problems.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';
import type { CompileJob, RequestUnit } from './compile-jobs.ts';
import { runCompileJobs } from './compile-pool.ts';
import { helperModule } from './helper-modules.ts';
import { operationDescriptorSource, requestValidatorRefs } from './operation-source.ts';
import { helperImports } from './standalone-module.ts';
import { placeValidationSchemas, type ValidationRefs } from './validation-schemas.ts';

/** Operations per request-compiling job: fixed, so the output never depends on the machine. */
const OPERATIONS_PER_JOB = 1024;

/** @example const files = await emitValidators(model, 'generated/orders', problems); */
export async function emitValidators(
  model: ContractModel,
  outDir: string,
  problems: ProblemList,
): Promise<GeneratedFile[]> {
  const { document, refs } = placeValidationSchemas(model);
  const input = { documentJson: JSON.stringify(document), formats: [...collectFormats(document)].sort() };
  const units: RequestUnit[] = [];
  const responseExports: Record<string, string> = {};
  const responseTree: Record<string, Record<string, Record<string, string>>> = {};
  for (const operation of model.operations) {
    const operationRefs = refs.get(operation.identifier) as ValidationRefs;
    const wanted = requestValidatorRefs(operationRefs);
    // Form bodies are strings on the wire, like query parameters: decode them the same way.
    const coerced = Object.fromEntries(
      Object.entries(wanted).filter(([name]) => name === 'validateParameters' || isFormBody(operation, name)),
    );
    const plain = Object.fromEntries(Object.entries(wanted).filter(([name]) => !(name in coerced)));
    units.push({ name: operation.identifier, pointer: operation.pointer, coerced, plain });
    for (const [status, byMedia] of Object.entries(operationRefs.responses)) {
      for (const [mediaType, ref] of Object.entries(byMedia)) {
        const exportName = `r${Object.keys(responseExports).length}`;
        responseExports[exportName] = ref;
        ((responseTree[operation.operationId] ??= {})[status] ??= {})[mediaType] = exportName;
      }
    }
  }
  // Responses first: the largest job, so a worker pool finishes it alongside the others.
  const jobs: CompileJob[] = [{ kind: 'responses', pointer: '/paths', exports: responseExports }];
  for (let i = 0; i < units.length; i += OPERATIONS_PER_JOB) {
    jobs.push({ kind: 'requests', units: units.slice(i, i + OPERATIONS_PER_JOB) });
  }
  const validators = units.length + Object.keys(responseExports).length;
  const results = await runCompileJobs(input, jobs, validators);
  for (const { errors } of results) {
    for (const error of errors) {
      problems.error(
        error.pointer,
        `a schema of this operation cannot be compiled: ${error.message}`,
        fixFor(error.message),
      );
    }
  }
  if (problems.hasErrors) return [];

  const header = doNotEditHeader(model.sourceFile);
  const files: GeneratedFile[] = [];
  const usedHelpers = new Set<string>();
  const compiled = new Map(results.flatMap((r) => r.units).map((unit) => [unit.name, unit]));
  const unitsByName = new Map(units.map((unit) => [unit.name, unit]));
  for (const operation of model.operations) {
    const unit = compiled.get(operation.identifier);
    if (!unit) continue;
    for (const helper of unit.helpers) usedHelpers.add(helper);
    const wanted = unitsByName.get(unit.name) as RequestUnit;
    const bindings = [`const { ${Object.keys(wanted.coerced).join(', ')} } = coerced;\n`];
    const plainNames = Object.keys(wanted.plain);
    if (plainNames.length > 0) bindings.push(`const { ${plainNames.join(', ')} } = plain;\n`);
    files.push({
      path: `${outDir}/operations/${operation.identifier}.gen.mjs`,
      contents: `${header}${helperImports(new Set(unit.helpers), '../shared')}\n${unit.code}${bindings.join('')}${operationDescriptorSource(model, operation, refs.get(operation.identifier) as ValidationRefs)}`,
    });
    files.push({
      path: `${outDir}/operations/${operation.identifier}.gen.d.mts`,
      contents: `${header}import type { CompiledOperation } from '@charter/platform/runtime';\n\ndeclare const operation: CompiledOperation;\nexport default operation;\n`,
    });
  }
  const responses = compiled.get('responses');
  if (responses) {
    for (const helper of responses.helpers) usedHelpers.add(helper);
    files.push({
      path: `${outDir}/responses.gen.mjs`,
      contents: `${header}${helperImports(new Set(responses.helpers), './shared')}\n${responses.code}\nexport default ${responseTreeSource(responseTree)};\n`,
    });
  }
  files.push({
    path: `${outDir}/responses.gen.d.mts`,
    contents: `${header}import type { ResponseValidators } from '@charter/platform/runtime';\n\ndeclare const responses: ResponseValidators;\nexport default responses;\n`,
  });
  for (const helper of [...usedHelpers].sort()) {
    files.push({
      path: `${outDir}/shared/${helper}.gen.mjs`,
      contents: `${header}${await helperModule(helper)}`,
    });
  }
  return files;
}

function isFormBody(operation: ContractModel['operations'][number], exportName: string): boolean {
  const match = /^validateBody(\d+)$/.exec(exportName);
  return match !== null && operation.requestBody?.media[Number(match[1])]?.kind === 'form';
}

function fixFor(message: string): string {
  if (/regular expression|Invalid escape|pattern/i.test(message)) {
    return 'write `pattern` as an ECMA-262 regular expression valid with the `u` flag';
  }
  if (/can't resolve reference|resolve/i.test(message)) return 'point the $ref at a schema that exists';
  return 'make the schema valid JSON Schema 2020-12';
}

function responseTreeSource(tree: Record<string, Record<string, Record<string, string>>>): string {
  const lines = Object.entries(tree).map(([operationId, byStatus]) => {
    const statuses = Object.entries(byStatus).map(([status, byMedia]) => {
      const media = Object.entries(byMedia).map(
        ([type, name]) => `${JSON.stringify(type)}: validators.${name}`,
      );
      return `${JSON.stringify(status)}: { ${media.join(', ')} }`;
    });
    return `  ${JSON.stringify(operationId)}: { ${statuses.join(', ')} }`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

function collectFormats(document: unknown): Set<string> {
  const formats = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'format' && typeof value === 'string') formats.add(value);
        else visit(value);
      }
    }
  };
  visit(document);
  return formats;
}
