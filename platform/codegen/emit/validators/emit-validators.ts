/**
 * Emits `operations/<operationId>.gen.mjs` (one module per operation: its request validators and
 * descriptor, so one operation's function carries nothing of the others) and `responses.gen.mjs`
 * (response validators for checks outside production).
 * @module
 */
import { createRequire } from 'node:module';
import type { ContractModel } from '../../model/model.ts';
import type { ProblemList } from '../../model/problems.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';
import { type Ajv, createAjv } from './ajv-instance.ts';
import { bundleModules, type ModuleSource, NAMESPACE } from './bundle-modules.ts';
import { operationDescriptorSource, requestValidatorRefs } from './operation-source.ts';
import { placeValidationSchemas, type ValidationRefs } from './validation-schemas.ts';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone/index.js').default as (
  ajv: Ajv,
  refs: Record<string, string>,
) => string;

/** @example const files = await emitValidators(model, 'generated/orders', problems); */
export async function emitValidators(
  model: ContractModel,
  outDir: string,
  problems: ProblemList,
): Promise<GeneratedFile[]> {
  const { document, refs } = placeValidationSchemas(model);
  const formats = collectFormats(document);
  const coercing = createAjv({ coerce: true, document, formats });
  const strict = createAjv({ coerce: false, document, formats });
  // Response checks run outside production only; one shared function per schema keeps the
  // module small where speed matters less.
  const forResponses = createAjv({ coerce: false, document, formats, inlineRefs: false });
  const entries: ModuleSource[] = [];
  const libraries: ModuleSource[] = [];
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
    // Each ajv instance numbers its functions from the same start, so the two outputs are
    // separate modules and esbuild renames what collides.
    const name = `operations/${operation.identifier}`;
    const coercedSource = compile(coercing, coerced, operation.pointer, problems);
    const plainSource = compile(strict, plain, operation.pointer, problems);
    if (coercedSource === undefined || plainSource === undefined) continue;
    libraries.push(
      { name: `${name}.coerced`, source: coercedSource },
      { name: `${name}.plain`, source: plainSource },
    );
    entries.push({
      name,
      source: [
        `import { ${Object.keys(coerced).join(', ')} } from '${NAMESPACE}:${name}.coerced';`,
        Object.keys(plain).length > 0
          ? `import { ${Object.keys(plain).join(', ')} } from '${NAMESPACE}:${name}.plain';`
          : '',
        operationDescriptorSource(model, operation, operationRefs),
      ].join('\n'),
    });
    for (const [status, byMedia] of Object.entries(operationRefs.responses)) {
      for (const [mediaType, ref] of Object.entries(byMedia)) {
        const exportName = `r${Object.keys(responseExports).length}`;
        responseExports[exportName] = ref;
        ((responseTree[operation.operationId] ??= {})[status] ??= {})[mediaType] = exportName;
      }
    }
  }
  const responses = compile(forResponses, responseExports, '/paths', problems);
  if (problems.hasErrors || responses === undefined) return [];
  libraries.push({ name: 'responses.validators', source: responses });
  const responseImports = Object.keys(responseExports).join(', ');
  entries.push({
    name: 'responses',
    source: `import { ${responseImports} } from '${NAMESPACE}:responses.validators';\nexport default ${responseTreeSource(responseTree)};\n`,
  });

  const bundled = await bundleModules(entries, libraries, doNotEditHeader(model.sourceFile));
  const files: GeneratedFile[] = [];
  for (const [path, contents] of bundled) {
    files.push({ path: `${outDir}/${path}`, contents });
  }
  for (const operation of model.operations) {
    files.push({
      path: `${outDir}/operations/${operation.identifier}.gen.d.mts`,
      contents: `${doNotEditHeader(model.sourceFile)}import type { CompiledOperation } from '@charter/platform/runtime';\n\ndeclare const operation: CompiledOperation;\nexport default operation;\n`,
    });
  }
  files.push({
    path: `${outDir}/responses.gen.d.mts`,
    contents: `${doNotEditHeader(model.sourceFile)}import type { ResponseValidators } from '@charter/platform/runtime';\n\ndeclare const responses: ResponseValidators;\nexport default responses;\n`,
  });
  return files;
}

function isFormBody(operation: ContractModel['operations'][number], exportName: string): boolean {
  const match = /^validateBody(\d+)$/.exec(exportName);
  return match !== null && operation.requestBody?.media[Number(match[1])]?.kind === 'form';
}

function compile(
  ajv: Ajv,
  refs: Record<string, string>,
  pointer: string,
  problems: ProblemList,
): string | undefined {
  if (Object.keys(refs).length === 0) return '';
  try {
    return standaloneCode(ajv, refs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.error(pointer, `a schema of this operation cannot be compiled: ${message}`, fixFor(message));
    return undefined;
  }
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
      const media = Object.entries(byMedia).map(([type, name]) => `${JSON.stringify(type)}: ${name}`);
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
