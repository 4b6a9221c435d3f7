/**
 * `charter/operation-handler`: every operation of a context has its handler
 * (`handlers/<ctx>/<kebab-case operationId>.ts`) or says it is served with 501 for now
 * (`x-charter-unimplemented: true`), so nothing ships half-wired by accident.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Oas3Rule } from '@redocly/openapi-core';
import { identifierOf, kebabCase } from '../../../codegen/model/names.ts';

export interface OperationHandlerOptions {
  /** Absolute `handlers/<ctx>` folder; the rule is silent without one (a file outside a context). */
  readonly handlersDir?: string;
  /** The folder as shown in messages, e.g. `handlers/orders`. */
  readonly shownDir?: string;
}

/** Only operations under `paths` have handlers (not webhooks or callbacks). */
const PATH_OPERATION = /^#\/paths\/[^/]+\/(get|put|post|delete|options|head|patch|trace)$/;

/** @example handlerFile('placeOrder') // 'place-order.ts' */
export function handlerFile(operationId: string): string {
  return `${kebabCase(identifierOf(operationId))}.ts`;
}

/** @example operationHandler({ handlersDir: '/repo/handlers/orders', shownDir: 'handlers/orders' }) */
export const operationHandler: Oas3Rule = (options: OperationHandlerOptions) => ({
  Operation(node, { report, location }) {
    const operation = node as unknown as Record<string, unknown>;
    if (!options.handlersDir || !PATH_OPERATION.test(location.pointer)) return;
    if (typeof operation.operationId !== 'string') return;
    const file = handlerFile(operation.operationId);
    const exists = existsSync(join(options.handlersDir, file));
    const shown = `${options.shownDir ?? options.handlersDir}/${file}`;
    const unimplemented = operation['x-charter-unimplemented'] === true;
    if (!exists && !unimplemented) {
      report({
        message: `${operation.operationId} has no handler: create ${shown}, or mark the operation \`x-charter-unimplemented: true\` to serve it with 501 until then.`,
        location: location.child(['operationId']),
      });
    } else if (exists && unimplemented) {
      report({
        message: `${operation.operationId} is marked x-charter-unimplemented but ${shown} exists; remove the mark so the handler is used.`,
        location: location.child(['x-charter-unimplemented']).key(),
        // The request is still served correctly (with 501); it is the handler that sits unused.
        forceSeverity: 'warn',
      });
    }
  },
});
