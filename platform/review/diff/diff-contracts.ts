/**
 * The breaking-change engine: compares two bundled contracts operation by operation and
 * returns every change with its rule id, level, operation and pointer.
 * @module
 */
import { type Change, compareChanges, type Level } from './change.ts';
import { type DeprecationPolicy, requiredDays, type Stability, stabilityOf } from './deprecation.ts';
import type { ContractDocument } from './document/contract-document.ts';
import { type OperationView, operationsOf } from './document/operations.ts';
import { describe, type FamilyContext, type OperationFamily } from './families/family.ts';
import { compareOperation, operationAddedOrRemoved } from './families/operations.ts';
import { compareParameters } from './families/parameters.ts';
import { compareRequestBody } from './families/request-body.ts';
import { compareResponses } from './families/responses.ts';
import { compareSecurity } from './families/security.ts';
import { SchemaComparer } from './schema/compare-schemas.ts';

export interface DiffOptions {
  /** "Today", for x-sunset dates. @default new Date() */
  readonly now?: Date;
  /** Minimum notice when deprecating. @default no minimum */
  readonly deprecation?: DeprecationPolicy;
}

const FAMILIES: readonly OperationFamily[] = [
  compareOperation,
  compareSecurity,
  compareParameters,
  compareRequestBody,
  compareResponses,
];

const UNSTABLE: ReadonlySet<Stability> = new Set(['draft', 'alpha']);

/**
 * @example const changes = diffContracts(baseDocument, headDocument);
 */
export function diffContracts(
  base: ContractDocument,
  head: ContractDocument,
  options: DiffOptions = {},
): Change[] {
  const now = options.now ?? new Date();
  const comparer = new SchemaComparer(base, head, now);
  const before = operationsOf(base);
  const after = operationsOf(head);
  const changes: Change[] = [];
  const push = (...args: Parameters<typeof change>) => changes.push(change(...args));

  for (const [key, view] of before) {
    if (after.has(key)) continue;
    const stability = stabilityOf(view.operation.value);
    operationAddedOrRemoved(view, undefined, now, (...args) =>
      changes.push(settle(change(...args), stability)),
    );
  }
  for (const [key, view] of after) if (!before.has(key)) operationAddedOrRemoved(undefined, view, now, push);
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) continue;
    const found: Change[] = [];
    const stability = stabilityOf(b.operation.value);
    const headStability = stabilityOf(h.operation.value);
    const noticeDays = requiredDays(
      typeof headStability === 'string' ? headStability : 'stable',
      options.deprecation,
    );
    const ctx = familyContext(b, h, base, head, comparer, now, noticeDays, options, found);
    for (const family of FAMILIES) family(ctx);
    for (const item of found) changes.push(settle(item, stability));
  }
  return changes.sort(compareChanges);
}

function change(
  id: string,
  level: Level,
  message: string,
  operation: string,
  pointer: string,
  addition: boolean,
): Change {
  return { id, level, message, operation, pointer, addition };
}

/** Draft and alpha operations promise nothing yet: what would break a client is a warning there. */
function settle(found: Change, stability: ReturnType<typeof stabilityOf>): Change {
  if (found.level !== 'breaking' || typeof stability !== 'string' || !UNSTABLE.has(stability)) return found;
  return {
    ...found,
    level: 'warning',
    message: `${found.message} (the operation is ${stability}, so it may change)`,
  };
}

function familyContext(
  b: OperationView,
  h: OperationView,
  baseDoc: ContractDocument,
  headDoc: ContractDocument,
  comparer: SchemaComparer,
  now: Date,
  noticeDays: number,
  options: DiffOptions,
  found: Change[],
): FamilyContext {
  const operation = h.label;
  const emit: FamilyContext['emit'] = (id, level, message, pointer, addition = false) =>
    found.push({ id, level, message, operation, pointer, addition });
  return {
    base: b,
    head: h,
    baseDoc,
    headDoc,
    comparer,
    now,
    noticeDays,
    policy: options.deprecation,
    webhook: h.kind === 'webhook',
    emit,
    schema: (scope, direction, where, baseSchema, headSchema) => {
      for (const finding of comparer.findings(baseSchema, headSchema, direction)) {
        let { what, level } = finding;
        // A property deprecated with too little notice breaks the policy of this operation.
        if (what === 'property-deprecated' && noticeDays > 0 && finding.sunset !== undefined) {
          const days = finding.sunset === null ? -1 : (finding.sunset.getTime() - now.getTime()) / 86_400_000;
          if (days < noticeDays) {
            what = finding.sunset === null ? 'property-sunset-missing' : 'property-sunset-too-soon';
            level = 'breaking';
          }
        }
        emit(`${scope}-${what}`, level, describe(where, finding), finding.pointer, finding.addition);
      }
    },
  };
}
