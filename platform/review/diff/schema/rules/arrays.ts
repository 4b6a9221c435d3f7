/**
 * Arrays: `items`, `prefixItems`, `contains`, `uniqueItems`, `unevaluatedItems`.
 * @module
 */
import { isObject, type Json } from '../../document/contract-document.ts';
import type { RuleContext, SchemaRule } from '../schema-rule.ts';

/** A keyword holding one sub-schema: compared when both have it, judged added/removed otherwise. */
function compareSubSchema(ctx: RuleContext, keyword: string, noun: string, segment: string): void {
  const before = ctx.b[keyword];
  const after = ctx.h[keyword];
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined) {
    // A missing `items` admits anything; compare with an empty schema to see what the other adds.
    if (keyword === 'items' && (isObject(before) || isObject(after))) {
      const side = (s: 'base' | 'head', value: unknown) =>
        value === undefined
          ? (s === 'base' ? ctx.baseDoc : ctx.headDoc).record({}, ctx.at(s, keyword).pointer)
          : ctx.at(s, keyword);
      ctx.child(segment, side('base', before), side('head', after));
      return;
    }
    const added = before === undefined;
    ctx.effect(
      `${noun}-${added ? 'added' : 'removed'}`,
      added ? 'narrowed' : 'widened',
      `${keyword} ${added ? 'added' : 'removed'}`,
      keyword,
    );
    return;
  }
  ctx.child(segment, ctx.at('base', keyword), ctx.at('head', keyword));
}

// 2019-09 style tuple `items: [...]` is the same thing as `prefixItems`.
function tuple(node: Json): unknown[] {
  if (Array.isArray(node.prefixItems)) return node.prefixItems;
  return Array.isArray(node.items) ? node.items : [];
}

function tupleKeyword(node: Json): 'prefixItems' | 'items' {
  return Array.isArray(node.prefixItems) ? 'prefixItems' : 'items';
}

const compareItems: SchemaRule = (ctx) => {
  const before = tuple(ctx.b);
  const after = tuple(ctx.h);
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    ctx.child(`[${i}]`, ctx.at('base', tupleKeyword(ctx.b), i), ctx.at('head', tupleKeyword(ctx.h), i));
  }
  if (after.length > before.length) {
    ctx.effect(
      'prefix-items-added',
      'narrowed',
      `positions ${before.length}..${after.length - 1} now have their own schema`,
      tupleKeyword(ctx.h),
    );
  } else if (before.length > after.length) {
    ctx.effect(
      'prefix-items-removed',
      'widened',
      `positions ${after.length}..${before.length - 1} lost their own schema`,
      tupleKeyword(ctx.b),
    );
  }
  if (!Array.isArray(ctx.b.items) && !Array.isArray(ctx.h.items))
    compareSubSchema(ctx, 'items', 'items', '[]');
};

const compareContains: SchemaRule = (ctx) => compareSubSchema(ctx, 'contains', 'contains', '[contains]');

const compareUnevaluatedItems: SchemaRule = (ctx) => {
  if (ctx.b.unevaluatedItems === false && ctx.h.unevaluatedItems !== false) {
    return ctx.effect(
      'unevaluated-items-allowed',
      'widened',
      'unevaluatedItems is no longer false',
      'unevaluatedItems',
    );
  }
  if (ctx.h.unevaluatedItems === false && ctx.b.unevaluatedItems !== false) {
    return ctx.effect(
      'unevaluated-items-forbidden',
      'narrowed',
      'unevaluatedItems became false',
      'unevaluatedItems',
    );
  }
  compareSubSchema(ctx, 'unevaluatedItems', 'unevaluated-items', '[unevaluated]');
};

const compareUniqueItems: SchemaRule = (ctx) => {
  const before = ctx.b.uniqueItems === true;
  const after = ctx.h.uniqueItems === true;
  if (before === after) return;
  if (after) ctx.effect('unique-items-added', 'narrowed', 'items must now be unique', 'uniqueItems');
  else ctx.effect('unique-items-removed', 'widened', 'items no longer need to be unique', 'uniqueItems');
};

/** @example arrayRules.forEach((rule) => rule(ctx)) */
export const arrayRules: readonly SchemaRule[] = [
  compareItems,
  compareContains,
  compareUnevaluatedItems,
  compareUniqueItems,
];
