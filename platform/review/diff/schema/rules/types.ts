/**
 * `type` (with 3.0 `nullable`): a set of JSON types, where `integer` is part of `number`.
 * @module
 */
import type { Json } from '../../document/contract-document.ts';
import type { Effect, SchemaRule } from '../schema-rule.ts';

/**
 * The JSON types a schema admits, or undefined when `type` says nothing.
 * @example typesOf({ type: 'string', nullable: true }) // Set { 'string', 'null' }
 */
export function typesOf(node: Json): Set<string> | undefined {
  if (node.type === undefined) return undefined;
  const types = new Set((Array.isArray(node.type) ? node.type : [node.type]).map(String));
  // 3.0's nullable; 3.1 documents that still write it (OpenAI's do) mean the same.
  if (node.nullable === true) types.add('null');
  return types;
}

function covers(outer: Set<string>, inner: Set<string>): boolean {
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

const show = (types: Set<string> | undefined) => (types ? [...types].sort().join(' | ') : 'any');

const compareType: SchemaRule = (ctx) => {
  const before = typesOf(ctx.b);
  const after = typesOf(ctx.h);
  if (!before && !after) return;
  const message = `type ${show(before)} became ${show(after)}`;
  if (!before) {
    ctx.effect('type-narrowed', 'narrowed', message, 'type');
    return;
  }
  if (!after) {
    ctx.effect('type-widened', 'widened', message, 'type');
    return;
  }
  const wider = covers(after, before);
  const narrower = covers(before, after);
  if (wider && narrower) return;
  const withoutNull = (s: Set<string>) => new Set([...s].filter((t) => t !== 'null'));
  const sameOtherwise =
    covers(withoutNull(after), withoutNull(before)) && covers(withoutNull(before), withoutNull(after));
  if (sameOtherwise) {
    return after.has('null')
      ? ctx.effect('became-nullable', 'widened', 'became nullable', 'type')
      : ctx.effect('became-not-nullable', 'narrowed', 'is no longer nullable', 'type');
  }
  const effect: Effect = wider ? 'widened' : narrower ? 'narrowed' : 'changed';
  ctx.effect(effect === 'changed' ? 'type-changed' : `type-${effect}`, effect, message, 'type');
};

/** @example typeRules.forEach((rule) => rule(ctx)) */
export const typeRules: readonly SchemaRule[] = [compareType];
