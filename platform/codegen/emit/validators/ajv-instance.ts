/**
 * The two ajv instances codegen compiles with. Parameters (and form bodies, which are encoded
 * like query strings) arrive as strings and are coerced to their schema types; JSON bodies and
 * responses are never coerced, so `"5"` stays a wrong answer where the contract says integer.
 * @module
 */
import { createRequire } from 'node:module';
import type { Ajv2020 as Ajv2020Class } from 'ajv/dist/2020.js';
import { boundedRegExp } from '../../../runtime/core/bounded-regexp.ts';

const require = createRequire(import.meta.url);
/**
 * Generated validators test `pattern` through the runtime's bounded engine; standalone code
 * refers to it by this module specifier, which standalone-module.ts turns into an import.
 */
const patternEngine = Object.assign(boundedRegExp, {
  code: 'require("@charter/platform/runtime/bounded-regexp").boundedRegExp',
});
const Ajv2020 = require('ajv/dist/2020.js').default as typeof Ajv2020Class;
const addFormats = require('ajv-formats').default as (ajv: Ajv2020Class) => Ajv2020Class;

export type Ajv = Ajv2020Class;

/** The id the contract document is registered under; operation schemas refer into it. */
export const CONTRACT_ID = 'contract';

/** @example const ajv = createAjv({ coerce: true, document, formats: new Set(['uuid']) }); */
export function createAjv(options: {
  readonly coerce: boolean;
  readonly document: Record<string, unknown>;
  readonly formats: ReadonlySet<string>;
  /** Inlining referenced schemas is faster per request; sharing them keeps big modules small. */
  readonly inlineRefs?: boolean;
  /**
   * ajv's optimising pass over the generated code: slightly smaller, faster validators, but a
   * quarter of the compile time. @default true
   */
  readonly optimize?: boolean;
}): Ajv {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    coerceTypes: options.coerce,
    useDefaults: options.coerce,
    // CommonJS-style output, which standalone-module.ts wraps in a scope and turns into imports.
    code: {
      source: true,
      esm: false,
      lines: true,
      optimize: options.optimize ?? true,
      regExp: patternEngine as never,
    },
    inlineRefs: options.inlineRefs ?? true,
  });
  addFormats(ajv);
  // A format ajv-formats does not know (Stripe's `unix-time`, GitHub's `repo.nwo`) is an
  // annotation, as JSON Schema 2020-12 says; registering it keeps ajv from rejecting the schema.
  for (const format of options.formats) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  ajv.addSchema(options.document, CONTRACT_ID);
  return ajv;
}
