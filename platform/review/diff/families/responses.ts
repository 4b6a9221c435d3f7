/**
 * Responses: statuses, media types, headers and body schemas. A client relies on the success
 * statuses and on what their bodies and headers promise.
 * @module
 */
import { isObject, type Json, type Located } from '../document/contract-document.ts';
import type { FamilyContext, OperationFamily } from './family.ts';
import { mediaTypesOf, schemaOf } from './request-body.ts';

function responsesOf(ctx: FamilyContext, side: 'base' | 'head'): Map<string, Located> {
  const doc = side === 'base' ? ctx.baseDoc : ctx.headDoc;
  const owner = side === 'base' ? ctx.base.operation : ctx.head.operation;
  const responses = doc.child(owner, 'responses');
  const out = new Map<string, Located>();
  if (!isObject(responses.value)) return out;
  for (const status of Object.keys(responses.value)) {
    if (status.startsWith('x-')) continue;
    out.set(
      status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(),
      doc.deref(doc.child(responses, status)),
    );
  }
  return out;
}

const isSuccess = (status: string) => status.startsWith('2');

/** @example compareResponses(ctx) // emits response-success-status-removed, response-header-removed, ... */
export const compareResponses: OperationFamily = (ctx) => {
  const before = responsesOf(ctx, 'base');
  const after = responsesOf(ctx, 'head');
  // Webhook responses are written by the consumer and read by the API: they turn around.
  const scope = ctx.webhook ? 'webhook-response' : 'response';
  const direction = ctx.webhook ? 'request' : 'response';
  for (const [status, b] of before) {
    const h = after.get(status);
    if (!h) {
      if (isSuccess(status) && !ctx.webhook) {
        ctx.emit(
          'response-success-status-removed',
          'breaking',
          `success response ${status} removed`,
          b.pointer,
        );
      } else {
        ctx.emit(`${scope}-status-removed`, 'info', `response ${status} removed`, b.pointer);
      }
      continue;
    }
    compareMedia(ctx, status, b, h, scope, direction);
    if (!ctx.webhook) compareHeaders(ctx, status, b, h);
  }
  for (const [status, h] of after) {
    if (before.has(status)) continue;
    if (isSuccess(status) && !ctx.webhook) {
      // A client may receive a status it never handled; nothing promised is taken away.
      ctx.emit(
        'response-success-status-added',
        'warning',
        `success response ${status} added`,
        h.pointer,
        true,
      );
    } else {
      ctx.emit(`${scope}-status-added`, 'info', `response ${status} added`, h.pointer, true);
    }
  }
};

function compareMedia(
  ctx: FamilyContext,
  status: string,
  b: Located,
  h: Located,
  scope: string,
  direction: 'request' | 'response',
): void {
  const before = mediaTypesOf(ctx, 'base', b);
  const after = mediaTypesOf(ctx, 'head', h);
  for (const [mediaType, media] of before) {
    const other = after.get(mediaType);
    if (!other) {
      const level = ctx.webhook ? 'info' : 'breaking';
      ctx.emit(
        `${scope}-media-type-removed`,
        level,
        `response ${status} media type ${mediaType} removed`,
        media.pointer,
      );
      continue;
    }
    const where = `response ${status} (${mediaType})`;
    ctx.schema(`${scope}-body`, direction, where, schemaOf(ctx, 'base', media), schemaOf(ctx, 'head', other));
  }
  for (const [mediaType, media] of after) {
    if (before.has(mediaType)) continue;
    ctx.emit(
      `${scope}-media-type-added`,
      'info',
      `response ${status} media type ${mediaType} added`,
      media.pointer,
      true,
    );
  }
}

function headersOf(ctx: FamilyContext, side: 'base' | 'head', response: Located): Map<string, Located<Json>> {
  const doc = side === 'base' ? ctx.baseDoc : ctx.headDoc;
  const headers = doc.child(response, 'headers');
  const out = new Map<string, Located<Json>>();
  if (!isObject(headers.value)) return out;
  for (const name of Object.keys(headers.value)) {
    if (name.toLowerCase() === 'content-type') continue;
    const header = doc.deref(doc.child(headers, name));
    if (isObject(header.value)) out.set(name.toLowerCase(), header as Located<Json>);
  }
  return out;
}

function compareHeaders(ctx: FamilyContext, status: string, b: Located, h: Located): void {
  const before = headersOf(ctx, 'base', b);
  const after = headersOf(ctx, 'head', h);
  for (const [name, header] of before) {
    const other = after.get(name);
    const wasRequired = header.value.required === true;
    if (!other) {
      if (wasRequired) {
        ctx.emit(
          'response-header-removed',
          'breaking',
          `response ${status} header ${name} removed`,
          header.pointer,
        );
      } else {
        ctx.emit(
          'response-optional-header-removed',
          'warning',
          `response ${status} optional header ${name} removed`,
          header.pointer,
        );
      }
      continue;
    }
    const isRequired = other.value.required === true;
    if (wasRequired && !isRequired) {
      ctx.emit(
        'response-header-became-optional',
        'breaking',
        `response ${status} header ${name} became optional`,
        other.pointer,
      );
    } else if (!wasRequired && isRequired) {
      ctx.emit(
        'response-header-became-required',
        'info',
        `response ${status} header ${name} became required`,
        other.pointer,
      );
    }
    const schema = (side: 'base' | 'head', located: Located) => {
      const doc = side === 'base' ? ctx.baseDoc : ctx.headDoc;
      const s = doc.child(located, 'schema');
      return s.value === undefined ? doc.record({}, s.pointer) : s;
    };
    ctx.schema(
      'response-header',
      'response',
      `response ${status} header ${name}`,
      schema('base', header),
      schema('head', other),
    );
  }
  for (const [name, header] of after) {
    if (before.has(name)) continue;
    ctx.emit(
      'response-header-added',
      'info',
      `response ${status} header ${name} added`,
      header.pointer,
      true,
    );
  }
}
