/**
 * Whole operations: added, removed (respecting deprecation notice), deprecation and stability
 * changes, and renamed operationIds (the method names of generated SDKs).
 * @module
 */
import type { Level } from '../change.ts';
import { compareNotice, noticeOf, removalVerdict, STABILITY_LEVELS, stabilityOf } from '../deprecation.ts';
import type { OperationView } from '../document/operations.ts';
import type { OperationFamily } from './family.ts';

type Emit = (
  id: string,
  level: Level,
  message: string,
  operation: string,
  pointer: string,
  addition: boolean,
) => void;

const noun = (view: OperationView) => (view.kind === 'webhook' ? 'webhook' : 'operation');

/**
 * Reports an operation that exists on one side only.
 * @example operationAddedOrRemoved(view, undefined, new Date(), emit) // emits operation-removed
 */
export function operationAddedOrRemoved(
  base: OperationView | undefined,
  head: OperationView | undefined,
  now: Date,
  emit: Emit,
): void {
  if (head) {
    emit(`${noun(head)}-added`, 'info', `${head.label} added`, head.label, head.operation.pointer, true);
    return;
  }
  if (!base) return;
  const verdict = removalVerdict(noticeOf(base.operation.value), now);
  const what = noun(base);
  if (verdict === 'after-notice') {
    emit(
      `${what}-removed-after-deprecation`,
      'info',
      `deprecated ${base.label} removed`,
      base.label,
      base.operation.pointer,
      false,
    );
  } else if (verdict === 'before-sunset') {
    const message = `${base.label} removed before its x-sunset date ${String(base.operation.value['x-sunset'])}`;
    emit(`${what}-removed-before-sunset`, 'breaking', message, base.label, base.operation.pointer, false);
  } else {
    emit(`${what}-removed`, 'breaking', `${base.label} removed`, base.label, base.operation.pointer, false);
  }
}

/** @example compareOperation(ctx) // emits operation-deprecated, operation-sunset-moved-earlier, operation-id-changed, ... */
export const compareOperation: OperationFamily = (ctx) => {
  const what = noun(ctx.head);
  const b = ctx.base.operation;
  const h = ctx.head.operation;
  for (const finding of compareNotice(noticeOf(b.value), noticeOf(h.value), ctx.now, ctx.noticeDays)) {
    ctx.emit(
      `${what}-${finding.what.replace(/^deprecation-/, '')}`,
      finding.level,
      finding.message,
      `${h.pointer}/${finding.keyword}`,
    );
  }
  const before = stabilityOf(b.value);
  const after = stabilityOf(h.value);
  const pointer = `${h.pointer}/x-stability-level`;
  if (typeof after !== 'string') {
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      const message = `x-stability-level ${JSON.stringify(after.unreadable)} is not one of ${STABILITY_LEVELS.join(', ')}`;
      ctx.emit(`${what}-stability-unreadable`, 'breaking', message, pointer);
    }
  } else if (typeof before === 'string' && before !== after) {
    const lowered = STABILITY_LEVELS.indexOf(after) < STABILITY_LEVELS.indexOf(before);
    ctx.emit(
      `${what}-stability-${lowered ? 'decreased' : 'increased'}`,
      lowered ? 'breaking' : 'info',
      // Lowering stability is how the next breaking change would skip review.
      `stability ${before} became ${after}`,
      pointer,
    );
  }
  const idBefore = b.value.operationId;
  const idAfter = h.value.operationId;
  if (typeof idBefore === 'string' && typeof idAfter === 'string' && idBefore !== idAfter) {
    // HTTP clients do not notice; code using a generated SDK calls the method by this name.
    ctx.emit(
      'operation-id-changed',
      'warning',
      `operationId ${idBefore} became ${idAfter}; SDK method names change`,
      `${h.pointer}/operationId`,
    );
  }
};
