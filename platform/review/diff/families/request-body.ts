/**
 * The request body: whether it is required, its media types and each media type's schema.
 * For webhooks the API sends the body, so the judgement turns around.
 * @module
 */
import { isObject, type Located } from '../document/contract-document.ts';
import type { FamilyContext, OperationFamily } from './family.ts';

/** @example mediaTypesOf(doc, body) // Map { 'application/json' => located media type object } */
export function mediaTypesOf(
  ctx: FamilyContext,
  side: 'base' | 'head',
  owner: Located,
): Map<string, Located> {
  const doc = side === 'base' ? ctx.baseDoc : ctx.headDoc;
  const content = doc.child(owner, 'content');
  const out = new Map<string, Located>();
  if (!isObject(content.value)) return out;
  for (const mediaType of Object.keys(content.value)) {
    out.set(mediaType.toLowerCase().replace(/\s+/g, ''), doc.child(content, mediaType));
  }
  return out;
}

/**
 * The schema of a media type object, or an empty schema where it has none.
 * @example schemaOf(ctx, 'head', media) // { value: { type: 'object' }, pointer: '/paths/~1x/post/requestBody/content/application~1json/schema' }
 */
export function schemaOf(ctx: FamilyContext, side: 'base' | 'head', media: Located): Located {
  const doc = side === 'base' ? ctx.baseDoc : ctx.headDoc;
  const schema = doc.child(media, 'schema');
  return schema.value === undefined ? doc.record({}, schema.pointer) : schema;
}

/** @example compareRequestBody(ctx) // emits request-body-became-required, request-body-media-type-removed, ... */
export const compareRequestBody: OperationFamily = (ctx) => {
  const b = ctx.baseDoc.deref(ctx.baseDoc.child(ctx.base.operation, 'requestBody'));
  const h = ctx.headDoc.deref(ctx.headDoc.child(ctx.head.operation, 'requestBody'));
  const scope = ctx.webhook ? 'webhook-request-body' : 'request-body';
  // Who has to cope when the body changes: the server for client requests, the consumer for webhooks.
  const receiverIsConsumer = ctx.webhook;
  const had = isObject(b.value);
  const has = isObject(h.value);
  if (!had && !has) return;
  const required = (v: unknown) => isObject(v) && v.required === true;
  if (!had) {
    const breaking = required(h.value) && !receiverIsConsumer;
    const what = required(h.value) ? 'required request body added' : 'optional request body added';
    return ctx.emit(
      `${scope}-added${required(h.value) ? '-required' : ''}`,
      breaking ? 'breaking' : 'info',
      what,
      h.pointer,
      !breaking,
    );
  }
  if (!has) {
    const level = receiverIsConsumer ? 'breaking' : 'warning';
    return ctx.emit(`${scope}-removed`, level, 'request body removed', b.pointer);
  }
  if (required(b.value) !== required(h.value)) {
    const nowRequired = required(h.value);
    const breaking = nowRequired !== receiverIsConsumer;
    ctx.emit(
      `${scope}-became-${nowRequired ? 'required' : 'optional'}`,
      breaking ? 'breaking' : 'info',
      `request body became ${nowRequired ? 'required' : 'optional'}`,
      h.pointer,
      !breaking,
    );
  }
  const before = mediaTypesOf(ctx, 'base', b);
  const after = mediaTypesOf(ctx, 'head', h);
  for (const [mediaType, media] of before) {
    const other = after.get(mediaType);
    if (!other) {
      ctx.emit(
        `${scope}-media-type-removed`,
        'breaking',
        `request body media type ${mediaType} removed`,
        media.pointer,
      );
      continue;
    }
    ctx.schema(
      scope,
      ctx.webhook ? 'response' : 'request',
      `request body (${mediaType})`,
      schemaOf(ctx, 'base', media),
      schemaOf(ctx, 'head', other),
    );
  }
  for (const [mediaType, media] of after) {
    if (before.has(mediaType)) continue;
    const level = receiverIsConsumer ? 'warning' : 'info';
    ctx.emit(
      `${scope}-media-type-added`,
      level,
      `request body media type ${mediaType} added`,
      media.pointer,
      true,
    );
  }
};
