/**
 * `not` and `if`/`then`/`else`. Adding a condition can only narrow what a schema accepts and
 * removing one can only widen it; a changed `if` moves the line somewhere else entirely.
 * @module
 */
import type { SchemaRule } from '../schema-rule.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const compareNot: SchemaRule = (ctx) => {
  const before = ctx.b.not;
  const after = ctx.h.not;
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    ctx.effect('not-added', 'narrowed', '`not` added', 'not');
    return;
  }
  if (after === undefined) {
    ctx.effect('not-removed', 'widened', '`not` removed', 'not');
    return;
  }
  if (!same(before, after)) ctx.effect('not-changed', 'changed', '`not` changed', 'not');
};

const compareConditional: SchemaRule = (ctx) => {
  const hadIf = ctx.b.if !== undefined;
  const hasIf = ctx.h.if !== undefined;
  if (!hadIf && !hasIf) return;
  if (!hadIf) {
    ctx.effect('if-added', 'narrowed', 'conditional (`if`/`then`/`else`) added', 'if');
    return;
  }
  if (!hasIf) {
    ctx.effect('if-removed', 'widened', 'conditional (`if`/`then`/`else`) removed', 'if');
    return;
  }
  if (!same(ctx.b.if, ctx.h.if))
    return ctx.effect('if-changed', 'changed', 'the `if` condition changed', 'if');
  for (const keyword of ['then', 'else'] as const) {
    const before = ctx.b[keyword];
    const after = ctx.h[keyword];
    if (before === undefined && after === undefined) continue;
    if (before === undefined) ctx.effect(`${keyword}-added`, 'narrowed', `\`${keyword}\` added`, keyword);
    else if (after === undefined)
      ctx.effect(`${keyword}-removed`, 'widened', `\`${keyword}\` removed`, keyword);
    else ctx.child(`(${keyword})`, ctx.at('base', keyword), ctx.at('head', keyword));
  }
};

/** @example logicRules.forEach((rule) => rule(ctx)) */
export const logicRules: readonly SchemaRule[] = [compareNot, compareConditional];
