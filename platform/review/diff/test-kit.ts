/**
 * Small contracts built in memory for the rule-family tests: a schema dropped into a request
 * body or a response, compared without touching the disk.
 * @module
 */
import type { Level } from './change.ts';
import { type DiffOptions, diffContracts } from './diff-contracts.ts';
import { ContractDocument, type Json } from './document/contract-document.ts';

export type Direction = 'request' | 'response';

/**
 * A 3.1 contract with one operation, `POST /things`, carrying `schema` where `direction` says.
 * @example contractWith({ type: 'string' }, 'request')
 */
export function contractWith(
  schema: unknown,
  direction: Direction,
  extra: Json = {},
  openapi = '3.1.0',
): Json {
  const media = { 'application/json': { schema } };
  const operation =
    direction === 'request'
      ? {
          operationId: 'makeThing',
          requestBody: { required: true, content: media },
          responses: { '204': { description: 'ok' } },
        }
      : { operationId: 'makeThing', responses: { '200': { description: 'ok', content: media } } };
  return {
    openapi,
    info: { title: 'T', version: '1.0.0' },
    paths: { '/things': { post: operation } },
    ...extra,
  };
}

/**
 * Compares two whole contracts and lists `id:level` for each change, sorted.
 * @example changesOf(base, head) // ['request-body-type-narrowed:breaking']
 */
export function changesOf(base: Json, head: Json, options: DiffOptions = {}): string[] {
  const changes = diffContracts(
    new ContractDocument(structuredClone(base), 'base'),
    new ContractDocument(structuredClone(head), 'head'),
    {
      now: new Date('2026-06-01T00:00:00Z'),
      ...options,
    },
  );
  return changes.map((c) => `${c.id}:${c.level}`).sort();
}

/**
 * Compares two schemas placed in a request body or a 200 response.
 * @example schemaChanges({ maxLength: 9 }, { maxLength: 3 }, 'request') // ['request-body-max-length-decreased:breaking']
 */
export function schemaChanges(
  base: unknown,
  head: unknown,
  direction: Direction,
  components?: Json,
): string[] {
  const extra = components ? { components } : {};
  return changesOf(contractWith(base, direction, extra), contractWith(head, direction, extra));
}

/** One given/want case of a rule-family table. */
export interface SchemaCase {
  readonly base: unknown;
  readonly head: unknown;
  readonly direction: Direction;
  readonly components?: Json;
}

export type Want = `${string}:${Level}`[];
