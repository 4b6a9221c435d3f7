/**
 * Numeric ranges. 3.0's boolean `exclusiveMinimum` and 3.1's numeric one are read into one
 * bound, so a 3.0 → 3.1 migration that keeps the range reports nothing.
 * @module
 */
import type { Json } from '../../document/contract-document.ts';
import type { RuleContext, SchemaRule } from '../schema-rule.ts';

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
  readonly keyword: string;
}

function lowerOf(node: Json): Bound | undefined {
  const candidates: Bound[] = [];
  if (typeof node.minimum === 'number') {
    candidates.push({ value: node.minimum, exclusive: node.exclusiveMinimum === true, keyword: 'minimum' });
  }
  if (typeof node.exclusiveMinimum === 'number') {
    candidates.push({ value: node.exclusiveMinimum, exclusive: true, keyword: 'exclusiveMinimum' });
  }
  return candidates.sort((a, b) => b.value - a.value || Number(b.exclusive) - Number(a.exclusive))[0];
}

function upperOf(node: Json): Bound | undefined {
  const candidates: Bound[] = [];
  if (typeof node.maximum === 'number') {
    candidates.push({ value: node.maximum, exclusive: node.exclusiveMaximum === true, keyword: 'maximum' });
  }
  if (typeof node.exclusiveMaximum === 'number') {
    candidates.push({ value: node.exclusiveMaximum, exclusive: true, keyword: 'exclusiveMaximum' });
  }
  return candidates.sort((a, b) => a.value - b.value || Number(b.exclusive) - Number(a.exclusive))[0];
}

const show = (bound: Bound | undefined, op: string) =>
  bound ? `${op}${bound.exclusive ? '' : '='} ${bound.value}` : 'none';

/** -1: `a` admits less than `b`; 1: more; 0: the same. `lower` flips the comparison. */
function tighter(a: Bound, b: Bound, lower: boolean): number {
  if (a.value !== b.value) return a.value > b.value === lower ? -1 : 1;
  if (a.exclusive === b.exclusive) return 0;
  return a.exclusive ? -1 : 1;
}

function compareBound(
  ctx: RuleContext,
  name: 'minimum' | 'maximum',
  read: (n: Json) => Bound | undefined,
): void {
  const lower = name === 'minimum';
  const before = read(ctx.b);
  const after = read(ctx.h);
  const op = lower ? '>' : '<';
  const message = `${name} ${show(before, op)} became ${show(after, op)}`;
  if (!before && !after) return;
  if (!before) {
    ctx.effect(`${name}-added`, 'narrowed', message, after!.keyword);
    return;
  }
  if (!after) {
    ctx.effect(`${name}-removed`, 'widened', message, before.keyword);
    return;
  }
  const order = tighter(after, before, lower);
  if (order === 0) return;
  const raised = order < 0 === lower;
  ctx.effect(
    `${name}-${raised ? 'increased' : 'decreased'}`,
    order < 0 ? 'narrowed' : 'widened',
    message,
    after.keyword,
  );
}

const compareRange: SchemaRule = (ctx) => {
  compareBound(ctx, 'minimum', lowerOf);
  compareBound(ctx, 'maximum', upperOf);
};

const compareMultipleOf: SchemaRule = (ctx) => {
  const before = typeof ctx.b.multipleOf === 'number' ? ctx.b.multipleOf : undefined;
  const after = typeof ctx.h.multipleOf === 'number' ? ctx.h.multipleOf : undefined;
  if (before === after) return;
  const message = `multipleOf ${before ?? 'none'} became ${after ?? 'none'}`;
  if (before === undefined) {
    ctx.effect('multiple-of-added', 'narrowed', message, 'multipleOf');
    return;
  }
  if (after === undefined) {
    ctx.effect('multiple-of-removed', 'widened', message, 'multipleOf');
    return;
  }
  if (Number.isInteger(after / before))
    return ctx.effect('multiple-of-stricter', 'narrowed', message, 'multipleOf');
  if (Number.isInteger(before / after))
    return ctx.effect('multiple-of-looser', 'widened', message, 'multipleOf');
  ctx.effect('multiple-of-changed', 'changed', message, 'multipleOf');
};

/** @example numberRules.forEach((rule) => rule(ctx)) */
export const numberRules: readonly SchemaRule[] = [compareRange, compareMultipleOf];
