/**
 * `enum`, `const` and `default`: the values a schema lists.
 * @module
 */
import type { SchemaRule } from '../schema-rule.ts';

const key = (value: unknown) => JSON.stringify(value);
const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

const compareEnum: SchemaRule = (ctx) => {
  const before = Array.isArray(ctx.b.enum) ? ctx.b.enum : undefined;
  const after = Array.isArray(ctx.h.enum) ? ctx.h.enum : undefined;
  if (!before && !after) return;
  if (before && after && before.length === after.length && before.every((v, i) => v === after[i])) return;
  if (!before) {
    ctx.effect('became-enum', 'narrowed', `now only accepts ${list(after!)}`, 'enum');
    return;
  }
  if (!after) {
    ctx.effect('enum-removed', 'widened', `no longer limited to ${list(before)}`, 'enum');
    return;
  }
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  const removed = before.filter((v) => !has.has(key(v)));
  const added = after.filter((v) => !had.has(key(v)));
  if (removed.length > 0) {
    ctx.effect('enum-value-removed', 'narrowed', `enum value(s) ${list(removed)} removed`, 'enum');
  }
  if (added.length === 0) return;
  const message = `enum value(s) ${list(added)} added`;
  if (ctx.direction === 'response') {
    // A client can meet an unknown value and still parse it; well-written ones have a fallback.
    ctx.report('enum-value-added', 'warning', message, ctx.at('head', 'enum').pointer, true);
  } else {
    ctx.effect('enum-value-added', 'widened', message, 'enum');
  }
};

const compareConst: SchemaRule = (ctx) => {
  const hadConst = 'const' in ctx.b;
  const hasConst = 'const' in ctx.h;
  if (!hadConst && !hasConst) return;
  if (!hadConst) {
    ctx.effect('const-added', 'narrowed', `now must be ${key(ctx.h.const)}`, 'const');
    return;
  }
  if (!hasConst)
    return ctx.effect('const-removed', 'widened', `no longer fixed to ${key(ctx.b.const)}`, 'const');
  if (key(ctx.b.const) !== key(ctx.h.const)) {
    ctx.effect('const-changed', 'changed', `const ${key(ctx.b.const)} became ${key(ctx.h.const)}`, 'const');
  }
};

const compareDefault: SchemaRule = (ctx) => {
  if (!('default' in ctx.b) || !('default' in ctx.h) || key(ctx.b.default) === key(ctx.h.default)) return;
  const message = `default ${key(ctx.b.default)} became ${key(ctx.h.default)}`;
  // A client that leaves the value out now gets different behaviour from the server.
  const level = ctx.direction === 'request' ? 'warning' : 'info';
  ctx.report('default-changed', level, message, ctx.at('head', 'default').pointer);
};

/** @example valueRules.forEach((rule) => rule(ctx)) */
export const valueRules: readonly SchemaRule[] = [compareEnum, compareConst, compareDefault];
