/**
 * Parameters, path-level ones included (an operation's own override them by `in` and name).
 * Path parameters are matched by position, so renaming `{id}` to `{petId}` changes nothing.
 * @module
 */
import { compareNotice, noticeOf, removalVerdict } from '../deprecation.ts';
import { type ContractDocument, isObject, type Json, type Located } from '../document/contract-document.ts';
import type { OperationView } from '../document/operations.ts';
import type { FamilyContext, OperationFamily } from './family.ts';

interface Parameter {
  readonly located: Located<Json>;
  readonly name: string;
  readonly in: string;
  readonly label: string;
}

function parametersOf(view: OperationView, doc: ContractDocument): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  const template = [...view.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const owner of [view.pathItem, view.operation]) {
    const list = doc.child(owner, 'parameters');
    if (!Array.isArray(list.value)) continue;
    list.value.forEach((_, i) => {
      const located = doc.deref(doc.child(list, i));
      const p = located.value;
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return;
      const key =
        p.in === 'path'
          ? `path#${template.indexOf(p.name)}`
          : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
      out.set(key, {
        located: located as Located<Json>,
        name: p.name,
        in: p.in,
        label: `${p.in} parameter \`${p.name}\``,
      });
    });
  }
  return out;
}

const required = (p: Parameter) => p.in === 'path' || p.located.value.required === true;

function styleOf(p: Parameter): { style: string; explode: boolean } {
  const defaults: Record<string, string> = {
    path: 'simple',
    query: 'form',
    header: 'simple',
    cookie: 'form',
  };
  const style =
    typeof p.located.value.style === 'string' ? p.located.value.style : (defaults[p.in] ?? 'form');
  const explode = typeof p.located.value.explode === 'boolean' ? p.located.value.explode : style === 'form';
  return { style, explode };
}

function schemaOf(p: Parameter, doc: ContractDocument): Located {
  const content = p.located.value.content;
  if (isObject(content)) {
    const [mediaType] = Object.keys(content);
    if (mediaType) return doc.child(p.located, 'content', mediaType, 'schema');
  }
  const schema = doc.child(p.located, 'schema');
  return schema.value === undefined ? doc.record({}, schema.pointer) : schema;
}

/** Whether the serialisation of a value can differ between the two styles. */
function serialisationChanged(ctx: FamilyContext, b: Parameter, h: Parameter): boolean {
  const before = styleOf(b);
  const after = styleOf(h);
  if (before.style === after.style && before.explode === after.explode) return false;
  const schema = ctx.headDoc.deref(schemaOf(h, ctx.headDoc)).value;
  const types = isObject(schema) ? [schema.type].flat() : [];
  const structured =
    types.includes('array') || types.includes('object') || (isObject(schema) && isObject(schema.properties));
  if (structured) return true;
  // A single value is written `name=value` by every query style; explode only splits lists and maps.
  return h.in !== 'query' && before.style !== after.style;
}

/** @example compareParameters(ctx) // emits request-parameter-added-required, request-parameter-removed, ... */
export const compareParameters: OperationFamily = (ctx) => {
  const before = parametersOf(ctx.base, ctx.baseDoc);
  const after = parametersOf(ctx.head, ctx.headDoc);
  const sent = ctx.webhook ? 'webhook-request-parameter' : 'request-parameter';
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) {
      if (b.in === 'path') continue;
      removed(ctx, sent, b);
      continue;
    }
    if (required(b) !== required(h)) {
      const nowRequired = required(h);
      // A client must now send it; a webhook consumer may now miss it.
      const breaking = nowRequired !== ctx.webhook;
      ctx.emit(
        `${sent}-became-${nowRequired ? 'required' : 'optional'}`,
        breaking ? 'breaking' : 'info',
        `${h.label} became ${nowRequired ? 'required' : 'optional'}`,
        h.located.pointer,
        !breaking,
      );
    }
    if (serialisationChanged(ctx, b, h)) {
      const was = styleOf(b);
      const is = styleOf(h);
      ctx.emit(
        `${sent}-style-changed`,
        'breaking',
        `${h.label} is serialised as style ${is.style}, explode ${is.explode} (was ${was.style}, explode ${was.explode})`,
        h.located.pointer,
      );
    }
    const direction = ctx.webhook ? 'response' : 'request';
    ctx.schema(sent, direction, h.label, schemaOf(b, ctx.baseDoc), schemaOf(h, ctx.headDoc));
    for (const finding of compareNotice(
      noticeOf(b.located.value),
      noticeOf(h.located.value),
      ctx.now,
      ctx.noticeDays,
    )) {
      const what = finding.what.replace(/^deprecation-/, '');
      ctx.emit(
        `${sent}-${what}`,
        finding.level,
        `${h.label} ${finding.message}`,
        `${h.located.pointer}/${finding.keyword}`,
      );
    }
  }
  for (const [key, h] of after) {
    if (before.has(key) || h.in === 'path') continue;
    const breaking = required(h) && !ctx.webhook;
    ctx.emit(
      `${sent}-added${required(h) ? '-required' : ''}`,
      breaking ? 'breaking' : 'info',
      `${required(h) ? 'required' : 'optional'} ${h.label} added`,
      h.located.pointer,
      !breaking,
    );
  }
};

function removed(ctx: FamilyContext, sent: string, b: Parameter): void {
  const verdict = removalVerdict(noticeOf(b.located.value), ctx.now);
  if (verdict === 'after-notice') {
    ctx.emit(`${sent}-removed-after-deprecation`, 'info', `deprecated ${b.label} removed`, b.located.pointer);
  } else if (verdict === 'before-sunset') {
    ctx.emit(
      `${sent}-removed-before-sunset`,
      'breaking',
      `${b.label} removed before its x-sunset date`,
      b.located.pointer,
    );
  } else if (ctx.webhook) {
    const level = required(b) ? 'breaking' : 'warning';
    ctx.emit(
      `${sent}-removed${required(b) ? '' : '-optional'}`,
      level,
      `${b.label} is no longer sent`,
      b.located.pointer,
    );
  } else {
    // The runtime ignores parameters it does not know: the request still succeeds, without the effect.
    ctx.emit(
      `${sent}-removed`,
      'warning',
      `${b.label} removed; the server ignores it when sent`,
      b.located.pointer,
    );
  }
}
