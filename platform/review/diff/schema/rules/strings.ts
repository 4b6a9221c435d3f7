/**
 * String constraints: `pattern`, `format` (charter enforces formats, so they are constraints,
 * not annotations) and the `content*` keywords of encoded strings.
 * @module
 */
import type { Effect, RuleContext, SchemaRule } from '../schema-rule.ts';

/** Formats the runtime's validators check; any other format is a note for humans. */
const ENFORCED_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'byte',
  'int32',
  'int64',
]);
/** `[narrower, wider]` pairs. */
const WIDENINGS = new Set(['int32>int64', 'date>date-time']);

function compareWord(
  ctx: RuleContext,
  keyword: string,
  noun: string,
  changed: (a: string, b: string) => Effect,
): void {
  const before = typeof ctx.b[keyword] === 'string' ? (ctx.b[keyword] as string) : undefined;
  const after = typeof ctx.h[keyword] === 'string' ? (ctx.h[keyword] as string) : undefined;
  if (before === after) return;
  const message = `${keyword} ${before === undefined ? 'none' : JSON.stringify(before)} became ${after === undefined ? 'none' : JSON.stringify(after)}`;
  if (before === undefined) {
    ctx.effect(`${noun}-added`, 'narrowed', message, keyword);
    return;
  }
  if (after === undefined) {
    ctx.effect(`${noun}-removed`, 'widened', message, keyword);
    return;
  }
  const effect = changed(before, after);
  ctx.effect(effect === 'changed' ? `${noun}-changed` : `${noun}-${effect}`, effect, message, keyword);
}

const comparePattern: SchemaRule = (ctx) => compareWord(ctx, 'pattern', 'pattern', () => 'changed');

const compareFormat: SchemaRule = (ctx) => {
  const before = ctx.b.format;
  const after = ctx.h.format;
  if (before === after) return;
  const enforced = (f: unknown) => typeof f === 'string' && ENFORCED_FORMATS.has(f);
  if (!enforced(before) && !enforced(after)) {
    if (typeof before === 'string' || typeof after === 'string') {
      const message = `format ${JSON.stringify(before ?? null)} became ${JSON.stringify(after ?? null)} (not validated)`;
      ctx.report('format-annotation-changed', 'info', message, ctx.at('head', 'format').pointer);
    }
    return;
  }
  compareWord(ctx, 'format', 'format', (a, b) =>
    WIDENINGS.has(`${a}>${b}`) ? 'widened' : WIDENINGS.has(`${b}>${a}`) ? 'narrowed' : 'changed',
  );
};

const compareContent: SchemaRule = (ctx) => {
  compareWord(ctx, 'contentEncoding', 'content-encoding', () => 'changed');
  compareWord(ctx, 'contentMediaType', 'content-media-type', () => 'changed');
  const before = ctx.b.contentSchema;
  const after = ctx.h.contentSchema;
  if (before === undefined && after === undefined) return;
  if (before === undefined)
    return ctx.effect('content-schema-added', 'narrowed', 'contentSchema added', 'contentSchema');
  if (after === undefined)
    return ctx.effect('content-schema-removed', 'widened', 'contentSchema removed', 'contentSchema');
  ctx.child('(contentSchema)', ctx.at('base', 'contentSchema'), ctx.at('head', 'contentSchema'));
};

/** @example stringRules.forEach((rule) => rule(ctx)) */
export const stringRules: readonly SchemaRule[] = [comparePattern, compareFormat, compareContent];
