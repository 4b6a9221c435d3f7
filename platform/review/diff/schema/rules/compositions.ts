/**
 * `anyOf`/`oneOf` unions, compared variant by variant. (`allOf` never gets here: it is merged
 * into one schema when resolved.) Variants are matched by the component they reference, then
 * by JSON type in order, so renaming a variant's component reads as a change inside it. A side
 * without a union counts as a union of itself. A `{ type: 'null' }` variant or 3.0's
 * `nullable` is nullability, not a variant.
 * @module
 */
import { isObject, type Json, type Located, refOf } from '../../document/contract-document.ts';
import type { RuleContext } from '../schema-rule.ts';
import { typesOf } from './types.ts';

interface Variant {
  readonly located: Located;
  readonly ref?: string;
  readonly signature: string;
  readonly label: string;
}

function unionKeyword(node: Json): 'anyOf' | 'oneOf' | undefined {
  if (Array.isArray(node.oneOf)) return 'oneOf';
  if (Array.isArray(node.anyOf)) return 'anyOf';
  return undefined;
}

function variantsOf(ctx: RuleContext, side: 'base' | 'head'): { variants: Variant[]; nullable: boolean } {
  const node = side === 'base' ? ctx.b : ctx.h;
  const doc = side === 'base' ? ctx.baseDoc : ctx.headDoc;
  const keyword = unionKeyword(node);
  let nullable = node.nullable === true;
  if (!keyword) {
    const own = side === 'base' ? ctx.base : ctx.head;
    return {
      variants: [
        { located: { value: own.node, pointer: own.pointer }, signature: signatureOf(node), label: 'itself' },
      ],
      nullable,
    };
  }
  const variants: Variant[] = [];
  (node[keyword] as unknown[]).forEach((_, i) => {
    const located = ctx.at(side, keyword, i);
    const target = doc.deref(located).value;
    const resolved = isObject(target) ? target : {};
    const types = typesOf(resolved);
    if (types && types.size === 1 && types.has('null')) {
      nullable = true;
      return;
    }
    const ref = refOf(located.value);
    const name = ref?.split('/').pop();
    variants.push({ located, ref, signature: signatureOf(resolved), label: name ?? `${keyword}[${i}]` });
  });
  return { variants, nullable };
}

function signatureOf(node: Json): string {
  const types = typesOf(node);
  if (types)
    return [...types]
      .filter((t) => t !== 'null')
      .sort()
      .join('|');
  if (isObject(node.properties)) return 'object';
  return '';
}

/** Pairs variants: same `$ref` first, then same type signature in order. */
function match(
  before: Variant[],
  after: Variant[],
): { pairs: [Variant, Variant][]; removed: Variant[]; added: Variant[] } {
  const pairs: [Variant, Variant][] = [];
  const left = [...before];
  const right = [...after];
  for (const b of [...left]) {
    const i = right.findIndex((h) => h.ref !== undefined && h.ref === b.ref);
    if (i < 0) continue;
    pairs.push([b, right[i]]);
    right.splice(i, 1);
    left.splice(left.indexOf(b), 1);
  }
  for (const b of [...left]) {
    const i = right.findIndex((h) => h.signature === b.signature);
    if (i < 0) continue;
    pairs.push([b, right[i]]);
    right.splice(i, 1);
    left.splice(left.indexOf(b), 1);
  }
  return { pairs, removed: left, added: right };
}

/**
 * Compares unions when either side has one.
 * @returns false when neither side is a union (the other rules then compare the schemas)
 * @example compareCompositions(ctx) // emits response-body-one-of-variant-added, ...
 */
export function compareCompositions(ctx: RuleContext): boolean {
  const before = unionKeyword(ctx.b);
  const after = unionKeyword(ctx.h);
  if (!before && !after) return false;
  const isEmpty = (node: Json) =>
    Object.keys(node).filter((k) => !k.startsWith('x-') && k !== 'description').length === 0;
  if (!before && isEmpty(ctx.b)) {
    ctx.effect(
      `${after!.replace('Of', '-of')}-added`,
      'narrowed',
      `now one of ${(ctx.h[after!] as unknown[]).length} variants`,
      after!,
    );
    return true;
  }
  if (!after && isEmpty(ctx.h)) {
    ctx.effect(`${before!.replace('Of', '-of')}-removed`, 'widened', 'no longer limited to a union', before!);
    return true;
  }
  if (before && after && before !== after) {
    const widened = after === 'anyOf';
    ctx.effect(
      widened ? 'one-of-became-any-of' : 'any-of-became-one-of',
      widened ? 'widened' : 'narrowed',
      `${before} became ${after}`,
      after,
    );
  }
  const b = variantsOf(ctx, 'base');
  const h = variantsOf(ctx, 'head');
  if (b.nullable !== h.nullable) {
    const keyword = after ?? before!;
    if (h.nullable) ctx.effect('became-nullable', 'widened', 'became nullable', keyword);
    else ctx.effect('became-not-nullable', 'narrowed', 'is no longer nullable', keyword);
  }
  const { pairs, removed, added } = match(b.variants, h.variants);
  for (const [x, y] of pairs)
    ctx.child(
      x.label === 'itself' ? (y.label === 'itself' ? '' : `<${y.label}>`) : `<${x.label}>`,
      x.located,
      y.located,
    );
  const noun = (after ?? before!).replace('Of', '-of');
  for (const v of removed)
    ctx.effect(`${noun}-variant-removed`, 'narrowed', `variant ${v.label} removed`, before ?? after!);
  for (const v of added)
    ctx.effect(`${noun}-variant-added`, 'widened', `variant ${v.label} added`, after ?? before!);
  compareDiscriminator(ctx);
  return true;
}

function compareDiscriminator(ctx: RuleContext): void {
  const before = JSON.stringify(ctx.b.discriminator ?? null);
  const after = JSON.stringify(ctx.h.discriminator ?? null);
  if (before === after) return;
  // The union decides what is valid; the discriminator only tells tools which variant to try.
  ctx.report(
    'discriminator-changed',
    'info',
    `discriminator ${before} became ${after}`,
    ctx.at('head', 'discriminator').pointer,
  );
}
