/**
 * The SDK's `src/runtime/`: the files of `client-runtime/`, copied into every package so that
 * it depends on nothing but openapi-fetch. They are real, type-checked and tested modules here;
 * the copy only renames them to `*.gen.ts`.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';

const TEMPLATE_DIR = new URL('./client-runtime/', import.meta.url);
const TEMPLATE_PATH = 'platform/codegen/emit/sdk/client-runtime';

let templates: readonly { readonly name: string; readonly text: string }[] | undefined;

function loadTemplates() {
  templates ??= readdirSync(TEMPLATE_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.ts$/, ''),
      // Sibling imports name the generated files once copied.
      text: readFileSync(new URL(file, TEMPLATE_DIR), 'utf8').replace(
        /from '\.\/([\w-]+)\.js'/g,
        "from './$1.gen.js'",
      ),
    }));
  return templates;
}

/** @example runtimeFiles('sdk/catalog', 'contracts/catalog/openapi.yaml') */
export function runtimeFiles(sdkDir: string, sourceFile: string): GeneratedFile[] {
  return loadTemplates().map(({ name, text }) => ({
    path: `${sdkDir}/src/runtime/${name}.gen.ts`,
    contents: `${doNotEditHeader(sourceFile)}// The same in every SDK: copied from ${TEMPLATE_PATH}/${name}.ts.\n${text}`,
  }));
}
