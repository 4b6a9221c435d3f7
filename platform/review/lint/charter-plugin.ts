/**
 * The platform rules as a Redocly plugin, so they run in the same pass as the house ruleset
 * and report positions in the very file (of a split contract) where the problem is.
 * @module
 */
import type { Plugin } from '@redocly/openapi-core';
import { functionGroup } from './rules/function-group.ts';
import { lambdaOnly } from './rules/lambda-only.ts';
import { operationHandler } from './rules/operation-handler.ts';

/** Rule ids as they appear in output. @example PLATFORM_RULES.handler // 'charter/operation-handler' */
export const PLATFORM_RULES = {
  handler: 'charter/operation-handler',
  functionGroup: 'charter/function-group',
  lambdaOnly: 'charter/lambda-only',
} as const;

/**
 * Findings of these rules are notes: they say where something is enforced, not that it is wrong.
 * @example NOTE_RULES.has('charter/lambda-only') // true
 */
export const NOTE_RULES: ReadonlySet<string> = new Set([PLATFORM_RULES.lambdaOnly]);

/** @example loadConfig({ configPath: 'redocly.yaml', plugins: [charterPlugin] }) */
export const charterPlugin: Plugin = {
  id: 'charter',
  rules: {
    oas3: {
      [PLATFORM_RULES.handler]: operationHandler,
      [PLATFORM_RULES.functionGroup]: functionGroup,
      [PLATFORM_RULES.lambdaOnly]: lambdaOnly,
    },
  },
};
