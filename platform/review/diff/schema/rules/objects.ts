/**
 * Objects: properties (added, removed, required, deprecated), and the keywords that constrain
 * the properties a schema does not name. In requests `readOnly` properties are not sent, and in
 * responses `writeOnly` ones are not returned, so those are skipped in that direction.
 * @module
 */
import { compareNotice, noticeOf, removalVerdict } from '../../deprecation.ts';
import { isObject, type Json, type Located } from '../../document/contract-document.ts';
import type { RuleContext, SchemaRule } from '../schema-rule.ts';

function visibleProperties(ctx: RuleContext, side: 'base' | 'head'): Map<string, Located> {
  const node = side === 'base' ? ctx.b : ctx.h;
  const resolver = side === 'base' ? ctx.baseDoc : ctx.headDoc;
  const out = new Map<string, Located>();
  if (!isObject(node.properties)) return out;
  for (const name of Object.keys(node.properties)) {
    const located = ctx.at(side, 'properties', name);
    const schema = resolver.deref(located).value;
    const hidden = ctx.direction === 'request' ? 'readOnly' : 'writeOnly';
    if (isObject(schema) && (schema[hidden] === true || (located.value as Json)?.[hidden] === true)) continue;
    out.set(name, located);
  }
  return out;
}

const requiredOf = (node: Json) => new Set(Array.isArray(node.required) ? node.required.map(String) : []);

/** Whether the schema refuses properties it does not name. */
const closed = (node: Json) => node.additionalProperties === false || node.unevaluatedProperties === false;

const compareProperties: SchemaRule = (ctx) => {
  const before = visibleProperties(ctx, 'base');
  const after = visibleProperties(ctx, 'head');
  const requiredBefore = requiredOf(ctx.b);
  const requiredAfter = requiredOf(ctx.h);
  const request = ctx.direction === 'request';
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const name of names) {
    const b = before.get(name);
    const h = after.get(name);
    if (b && h) {
      ctx.child(`.${name}`, b, h);
      compareRequired(ctx, name, requiredBefore.has(name), requiredAfter.has(name), h.pointer);
      propertyNotice(ctx, name, b, h);
    } else if (h) {
      if (request && requiredAfter.has(name)) {
        ctx.report('new-required-property', 'breaking', `new required property \`${name}\``, h.pointer);
      } else {
        ctx.report('property-added', 'info', `property \`${name}\` added`, h.pointer, true);
      }
    } else if (b) {
      propertyRemoved(ctx, name, b);
    }
  }
  // `required` may name properties the schema leaves undescribed.
  for (const name of new Set([...requiredBefore, ...requiredAfter])) {
    if (names.has(name) || before.has(name) || after.has(name)) continue;
    if (isObject(ctx.b.properties) && name in ctx.b.properties) continue;
    if (isObject(ctx.h.properties) && name in ctx.h.properties) continue;
    compareRequired(
      ctx,
      name,
      requiredBefore.has(name),
      requiredAfter.has(name),
      ctx.at('head', 'required').pointer,
    );
  }
};

function compareRequired(ctx: RuleContext, name: string, was: boolean, is: boolean, pointer: string): void {
  if (was === is) return;
  const effect = is ? 'narrowed' : 'widened';
  // Required in a request narrows what clients may send; optional in a response widens what they get.
  const breaking = (effect === 'narrowed') === (ctx.direction === 'request');
  ctx.report(
    is ? 'property-became-required' : 'property-became-optional',
    breaking ? 'breaking' : 'info',
    `property \`${name}\` became ${is ? 'required' : 'optional'}`,
    pointer,
    !breaking && ctx.direction === 'request',
  );
}

function propertyRemoved(ctx: RuleContext, name: string, b: Located): void {
  const verdict = removalVerdict(noticeAt(b, ctx.baseDoc), ctx.now);
  if (verdict === 'after-notice') {
    ctx.report(
      'property-removed-after-deprecation',
      'info',
      `deprecated property \`${name}\` removed`,
      b.pointer,
    );
  } else if (verdict === 'before-sunset') {
    const message = `property \`${name}\` removed before its x-sunset date`;
    ctx.report('property-removed-before-sunset', 'breaking', message, b.pointer);
  } else if (ctx.direction === 'response') {
    ctx.report('property-removed', 'breaking', `property \`${name}\` removed`, b.pointer);
  } else if (closed(ctx.h)) {
    const message = `property \`${name}\` removed; the schema refuses unknown properties, so requests that send it fail`;
    ctx.report('property-no-longer-accepted', 'breaking', message, b.pointer);
  } else {
    // The server ignores it from now on: no request fails, but a client may rely on its effect.
    ctx.report(
      'property-removed',
      'warning',
      `property \`${name}\` removed; the server ignores it when sent`,
      b.pointer,
    );
  }
}

/** Deprecation may sit next to a property's `$ref` or on the schema it points to. */
function noticeAt(located: Located, doc: RuleContext['baseDoc']) {
  const own = isObject(located.value) ? located.value : {};
  const target = doc.deref(located).value;
  return noticeOf({ ...(isObject(target) ? target : {}), ...own });
}

function propertyNotice(ctx: RuleContext, name: string, b: Located, h: Located): void {
  // Most properties never mention deprecation; skip building notices for them.
  if (!mentionsNotice(b, ctx.baseDoc) && !mentionsNotice(h, ctx.headDoc)) return;
  const after = noticeAt(h, ctx.headDoc);
  for (const finding of compareNotice(noticeAt(b, ctx.baseDoc), after, ctx.now, 0)) {
    const sunset = finding.what === 'deprecated' ? (after.sunset?.date ?? null) : undefined;
    const what = `property-${finding.what.replace(/^deprecation-/, '')}`;
    ctx.report(what, finding.level, `property \`${name}\` ${finding.message}`, h.pointer, false, sunset);
  }
}

function mentionsNotice(located: Located, doc: RuleContext['baseDoc']): boolean {
  return hasNotice(located.value) || hasNotice(doc.deref(located).value);
}

function hasNotice(node: unknown): boolean {
  return isObject(node) && (node.deprecated !== undefined || node['x-sunset'] !== undefined);
}

/** `additionalProperties` and `unevaluatedProperties` share one shape of rule. */
function compareExtraProperties(
  ctx: RuleContext,
  keyword: 'additionalProperties' | 'unevaluatedProperties',
  noun: string,
): void {
  const before = ctx.b[keyword];
  const after = ctx.h[keyword];
  if (before === undefined && after === undefined) return;
  if (after === false && before !== false) {
    ctx.effect(`${noun}-forbidden`, 'narrowed', `${keyword} became false`, keyword);
    return;
  }
  if (before === false && after !== false) {
    ctx.effect(`${noun}-allowed`, 'widened', `${keyword} is no longer false`, keyword);
    return;
  }
  if (before === false) return;
  if (!isObject(before) && !isObject(after)) return;
  // A missing keyword admits anything; compare against an empty schema so its constraints show.
  const side = (s: 'base' | 'head', value: unknown) =>
    isObject(value)
      ? ctx.at(s, keyword)
      : (s === 'base' ? ctx.baseDoc : ctx.headDoc).record({}, ctx.at(s, keyword).pointer);
  ctx.child(
    noun === 'additional-properties' ? '{*}' : '{unevaluated}',
    side('base', before),
    side('head', after),
  );
}

const compareAdditional: SchemaRule = (ctx) => {
  compareExtraProperties(ctx, 'additionalProperties', 'additional-properties');
  compareExtraProperties(ctx, 'unevaluatedProperties', 'unevaluated-properties');
};

/** Maps of sub-schemas keyed by name or pattern: `patternProperties`, `dependentSchemas`. */
function compareSchemaMap(
  ctx: RuleContext,
  keyword: string,
  noun: string,
  segment: (key: string) => string,
): void {
  const before = isObject(ctx.b[keyword]) ? (ctx.b[keyword] as Json) : {};
  const after = isObject(ctx.h[keyword]) ? (ctx.h[keyword] as Json) : {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!(key in before))
      ctx.effect(`${noun}-added`, 'narrowed', `${keyword} ${JSON.stringify(key)} added`, keyword);
    else if (!(key in after))
      ctx.effect(`${noun}-removed`, 'widened', `${keyword} ${JSON.stringify(key)} removed`, keyword);
    else ctx.child(segment(key), ctx.at('base', keyword, key), ctx.at('head', keyword, key));
  }
}

const comparePatternProperties: SchemaRule = (ctx) =>
  compareSchemaMap(ctx, 'patternProperties', 'pattern-property', (key) => `{/${key}/}`);

const compareDependentSchemas: SchemaRule = (ctx) =>
  compareSchemaMap(ctx, 'dependentSchemas', 'dependent-schema', (key) => `(if ${key})`);

const comparePropertyNames: SchemaRule = (ctx) => {
  const before = ctx.b.propertyNames;
  const after = ctx.h.propertyNames;
  if (before === undefined && after === undefined) return;
  if (before === undefined)
    return ctx.effect('property-names-added', 'narrowed', 'propertyNames added', 'propertyNames');
  if (after === undefined)
    return ctx.effect('property-names-removed', 'widened', 'propertyNames removed', 'propertyNames');
  ctx.child('(propertyNames)', ctx.at('base', 'propertyNames'), ctx.at('head', 'propertyNames'));
};

const compareDependentRequired: SchemaRule = (ctx) => {
  const before = isObject(ctx.b.dependentRequired) ? ctx.b.dependentRequired : {};
  const after = isObject(ctx.h.dependentRequired) ? ctx.h.dependentRequired : {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const had = JSON.stringify([...((before[key] as string[]) ?? [])].sort());
    const has = JSON.stringify([...((after[key] as string[]) ?? [])].sort());
    const message = `dependentRequired for \`${key}\`: ${had === '[]' ? 'none' : had} became ${has === '[]' ? 'none' : has}`;
    if (!(key in before)) ctx.effect('dependent-required-added', 'narrowed', message, 'dependentRequired');
    else if (!(key in after))
      ctx.effect('dependent-required-removed', 'widened', message, 'dependentRequired');
    else if (had !== has) ctx.effect('dependent-required-changed', 'changed', message, 'dependentRequired');
  }
};

/** @example objectRules.forEach((rule) => rule(ctx)) */
export const objectRules: readonly SchemaRule[] = [
  compareProperties,
  compareAdditional,
  comparePatternProperties,
  comparePropertyNames,
  compareDependentRequired,
  compareDependentSchemas,
];
