/**
 * Turns ajv's standalone output into plain ES modules without a bundler. ajv's code calls
 * `require()` for a few runtime helpers (string length, deep equality, formats, the bounded
 * pattern engine); each call becomes a binding imported from a small shared module, written
 * once per context. Each compiled unit is wrapped in its own function scope, so the coercing
 * and the strict compilation of one operation never clash over ajv's numbered names.
 *
 * Bundling the whole output with esbuild did the same job, but re-parsing tens of megabytes of
 * validators (Stripe's) took as long as compiling them. The shared modules themselves are
 * built by helper-modules.ts.
 * @module
 */
export interface Helper {
  /** The binding generated code uses; also the shared module's file name. */
  readonly local: string;
  /** ES module source that exports `local`, bundled into `shared/<local>.gen.mjs`. */
  readonly source: string;
}

/** Every `require("<module>").<member>` ajv's standalone code is known to emit. */
export const HELPERS: Readonly<Record<string, Helper>> = {
  'ajv/dist/runtime/ucs2length#default': {
    local: 'ucs2length',
    source: "import * as m from 'ajv/dist/runtime/ucs2length';\nexport const ucs2length = m.default;\n",
  },
  'ajv/dist/runtime/equal#default': {
    local: 'equal',
    source: "import * as m from 'ajv/dist/runtime/equal';\nexport const equal = m.default;\n",
  },
  'ajv/dist/runtime/uri#default': {
    local: 'uri',
    source: "import * as m from 'ajv/dist/runtime/uri';\nexport const uri = m.default;\n",
  },
  'ajv/dist/runtime/validation_error#default': {
    local: 'ValidationError',
    source:
      "import * as m from 'ajv/dist/runtime/validation_error';\nexport const ValidationError = m.default;\n",
  },
  'ajv-formats/dist/formats#fullFormats': {
    local: 'fullFormats',
    source: "import * as m from 'ajv-formats/dist/formats';\nexport const fullFormats = m.fullFormats;\n",
  },
  '@charter/platform/runtime/bounded-regexp#boundedRegExp': {
    local: 'boundedRegExp',
    source: "export { boundedRegExp } from '@charter/platform/runtime/bounded-regexp';\n",
  },
};

const REQUIRE = /require\("([^"]+)"\)\.([A-Za-z_$][\w$]*)/g;

/**
 * @param code ajv standalone output compiled with `code.esm: false`
 * @param name the binding the unit's exports get in the module
 * @param helpers collects the helper bindings the unit uses
 * @throws Error naming a `require()` this file does not know how to replace
 * @example scopedUnit(standaloneCode(ajv, refs), 'coerced', helpers)
 */
export function scopedUnit(code: string, name: string, helpers: Set<string>): string {
  const body = code
    .replace(/^"use strict";\n?/, '')
    .replace(REQUIRE, (whole, module: string, member: string) => {
      const helper = HELPERS[`${module}#${member}`];
      if (!helper) throw new Error(`ajv emitted ${whole}, which charter cannot replace with an import`);
      helpers.add(helper.local);
      return helper.local;
    });
  if (/\brequire\(/.test(body)) {
    throw new Error(
      `ajv emitted a require() charter cannot replace: ${/\brequire\([^)]*\)/.exec(body)?.[0]}`,
    );
  }
  return `const ${name} = (() => {\nconst exports = {};\n${body}\nreturn exports;\n})();\n`;
}

/** The import lines for the helpers a module uses, from `sharedDir` (e.g. `../shared`). */
export function helperImports(helpers: ReadonlySet<string>, sharedDir: string): string {
  return [...helpers]
    .sort()
    .map((local) => `import { ${local} } from '${sharedDir}/${local}.gen.mjs';\n`)
    .join('');
}
