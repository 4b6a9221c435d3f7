/**
 * `charter/function-group`: `x-charter-function` (on an operation, or on the operation's first
 * tag) names the Lambda function that serves it, as `charter bundle --strategy groups` reads it.
 * Names become function and folder names, so they must be short kebab-case words, and they must
 * say what they seem to: a group named like another operation's own function would silently
 * share its bundle, and a function named on a later tag is ignored.
 * @module
 */
import type { Location, Oas3Rule } from '@redocly/openapi-core';
import { identifierOf, kebabCase } from '../../../codegen/model/names.ts';

/**
 * Lowercase words joined by single hyphens; short enough for `<app>-<ctx>-<name>` in Lambda's 64.
 * @example FUNCTION_NAME.test('order-writes') // true
 */
export const FUNCTION_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** `charter bundle` accepts up to 48 characters. */
const MAX_LENGTH = 48;

interface Seen {
  readonly operationId?: string;
  readonly own?: string;
  readonly tags: readonly string[];
  readonly location: Location;
}

type Report = (problem: { message: string; location: Location }) => void;

function checkName(value: unknown, location: Location, report: Report): string | undefined {
  if (typeof value !== 'string' || !FUNCTION_NAME.test(value) || value.length > MAX_LENGTH) {
    report({
      message: `x-charter-function ${JSON.stringify(value)} is not a function name: use kebab-case words (a-z, 0-9), at most ${MAX_LENGTH} characters, e.g. order-writes.`,
      location,
    });
    return undefined;
  }
  return value;
}

/** @example charterPlugin.rules.oas3['charter/function-group'] === functionGroup */
export const functionGroup: Oas3Rule = () => {
  const tagFunctions = new Map<string, string>();
  const operations: Seen[] = [];
  return {
    Tag(node, { report, location }) {
      const tag = node as unknown as Record<string, unknown>;
      if (tag['x-charter-function'] === undefined || typeof tag.name !== 'string') return;
      const name = checkName(tag['x-charter-function'], location.child(['x-charter-function']), report);
      if (name) tagFunctions.set(tag.name, name);
    },
    Operation(node, { report, location }) {
      const operation = node as unknown as Record<string, unknown>;
      if (!location.pointer.startsWith('#/paths/')) return;
      const own =
        operation['x-charter-function'] === undefined
          ? undefined
          : checkName(operation['x-charter-function'], location.child(['x-charter-function']), report);
      operations.push({
        operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
        own,
        tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
        location,
      });
    },
    Root: {
      leave(_root, { report }) {
        const groupOf = new Map<Seen, string>();
        for (const op of operations) {
          if (op.own) {
            groupOf.set(op, op.own);
            continue;
          }
          const first = op.tags.length > 0 ? tagFunctions.get(op.tags[0]) : undefined;
          const ignored = op.tags
            .slice(1)
            .filter((t) => tagFunctions.has(t) && tagFunctions.get(t) !== first);
          if (ignored.length > 0) {
            report({
              message: `only the first tag names ${op.operationId ?? 'this operation'}'s function${first ? ` (${first})` : ''}; x-charter-function of tag ${ignored.join(', ')} is ignored. Set x-charter-function on the operation to say which.`,
              location: op.location.child(['tags']),
              forceSeverity: 'warn',
            });
          }
          if (first) groupOf.set(op, first);
        }
        // Ungrouped operations get a function named after their operationId.
        for (const op of operations) {
          if (groupOf.has(op) || !op.operationId) continue;
          const own = kebabCase(identifierOf(op.operationId));
          const clash = [...groupOf].find(([, group]) => group === own);
          if (clash) {
            report({
              message: `function "${own}" would serve both ${op.operationId} (its own function) and the group x-charter-function: ${own}; rename the group.`,
              location: clash[0].own ? clash[0].location.child(['x-charter-function']) : clash[0].location,
            });
          }
        }
      },
    },
  };
};
