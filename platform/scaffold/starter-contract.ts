/**
 * The contract `charter new <ctx>` starts a context with (templates/starter-openapi.yaml): one
 * small resource that shows the house conventions the lint ruleset asks for — camelCase
 * operationIds, RFC 9457 problems for every error, a scoped bearer requirement on writes, an
 * example on every request body — with every operation marked `x-charter-unimplemented`, so it
 * is served (501 after validation) before any handler exists.
 * @module
 */
import { readFileSync } from 'node:fs';
import { nameForms } from './context-names.ts';

const TEMPLATE = new URL('./templates/starter-openapi.yaml', import.meta.url);

/** @example starterContract('shipping').startsWith('openapi: 3.1.0') // true */
export function starterContract(context: string): string {
  const values: Record<string, string> = {
    context,
    Title: nameForms(context).title,
    scope: `${context}:write`,
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]);
}
