/**
 * Security requirements. A requirement list is a choice of alternatives, each naming schemes
 * with the scopes they need. A request that satisfied some base alternative must satisfy a
 * head alternative too; otherwise a client that authenticated fine is now refused (401/403).
 * @module
 */
import { type ContractDocument, isObject, type Json } from '../document/contract-document.ts';
import type { OperationView } from '../document/operations.ts';
import type { FamilyContext, OperationFamily } from './family.ts';

type Alternative = Map<string, Set<string>>;

function requirementsOf(
  view: OperationView,
  doc: ContractDocument,
): { alternatives: Alternative[]; pointer: string } {
  const own = view.operation.value.security;
  const list = own ?? doc.root.security;
  const pointer = own !== undefined ? `${view.operation.pointer}/security` : '/security';
  // No requirement at all means anyone may call: one alternative that asks for nothing.
  if (!Array.isArray(list) || list.length === 0) return { alternatives: [new Map()], pointer };
  const alternatives = list
    .filter(isObject)
    .map(
      (requirement) =>
        new Map(
          Object.entries(requirement).map(([scheme, scopes]) => [
            scheme,
            new Set(Array.isArray(scopes) ? scopes.map(String) : []),
          ]),
        ),
    );
  return { alternatives, pointer };
}

/** Whether credentials that satisfy `held` also satisfy `asked`. */
function satisfies(held: Alternative, asked: Alternative): boolean {
  for (const [scheme, scopes] of asked) {
    const have = held.get(scheme);
    if (!have) return false;
    for (const scope of scopes) if (!have.has(scope)) return false;
  }
  return true;
}

const show = (alternative: Alternative) =>
  alternative.size === 0
    ? 'no authentication'
    : [...alternative]
        .map(([scheme, scopes]) => (scopes.size > 0 ? `${scheme} (${[...scopes].join(', ')})` : scheme))
        .join(' + ');

/** @example compareSecurity(ctx) // emits security-requirement-added when a base client would be refused */
export const compareSecurity: OperationFamily = (ctx) => {
  if (ctx.webhook) return;
  const before = requirementsOf(ctx.base, ctx.baseDoc);
  const after = requirementsOf(ctx.head, ctx.headDoc);
  for (const held of before.alternatives) {
    if (after.alternatives.some((asked) => satisfies(held, asked))) continue;
    const sameSchemes = after.alternatives.find(
      (asked) => [...asked.keys()].every((s) => held.has(s)) && asked.size === held.size && held.size > 0,
    );
    if (sameSchemes) {
      const missing = [...sameSchemes].flatMap(([s, scopes]) =>
        [...scopes].filter((x) => !held.get(s)!.has(x)),
      );
      ctx.emit(
        'security-scope-added',
        'breaking',
        `now needs scope(s) ${missing.join(', ')}; ${show(held)} is no longer enough`,
        after.pointer,
      );
    } else {
      ctx.emit(
        'security-requirement-added',
        'breaking',
        `requests with ${show(held)} are now refused; it needs ${after.alternatives.map(show).join(' or ')}`,
        after.pointer,
      );
    }
  }
  for (const asked of after.alternatives) {
    if (before.alternatives.some((held) => satisfies(held, asked) && satisfies(asked, held))) continue;
    if (before.alternatives.every((held) => !satisfies(asked, held))) {
      ctx.emit(
        'security-requirement-relaxed',
        'info',
        `now also accepts ${show(asked)}`,
        after.pointer,
        true,
      );
    }
  }
  compareSchemes(ctx, before.alternatives, after.alternatives);
};

function compareSchemes(ctx: FamilyContext, before: Alternative[], after: Alternative[]): void {
  const used = new Set(before.flatMap((a) => [...a.keys()]).filter((s) => after.some((a) => a.has(s))));
  const schemes = (doc: ContractDocument) =>
    ((doc.root.components as Json | undefined)?.securitySchemes ?? {}) as Json;
  for (const name of used) {
    const b = ctx.baseDoc.deref({
      value: schemes(ctx.baseDoc)[name],
      pointer: `/components/securitySchemes/${name}`,
    }).value;
    const h = ctx.headDoc.deref({
      value: schemes(ctx.headDoc)[name],
      pointer: `/components/securitySchemes/${name}`,
    }).value;
    if (!isObject(b) || !isObject(h)) continue;
    const pointer = `/components/securitySchemes/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
    for (const field of ['type', 'scheme', 'in', 'name'] as const) {
      const before = field === 'scheme' || field === 'type' ? lower(b[field]) : b[field];
      const after = field === 'scheme' || field === 'type' ? lower(h[field]) : h[field];
      if (before !== after) {
        ctx.emit(
          'security-scheme-changed',
          'breaking',
          `security scheme ${name}: ${field} ${JSON.stringify(b[field] ?? null)} became ${JSON.stringify(h[field] ?? null)}`,
          pointer,
        );
      }
    }
    const flowsBefore = isObject(b.flows) ? Object.keys(b.flows) : [];
    const flowsAfter = isObject(h.flows) ? Object.keys(h.flows) : [];
    for (const flow of flowsBefore.filter((f) => !flowsAfter.includes(f))) {
      ctx.emit(
        'security-scheme-flow-removed',
        'breaking',
        `security scheme ${name}: OAuth flow ${flow} removed`,
        pointer,
      );
    }
  }
}
