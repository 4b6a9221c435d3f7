import { describe, expect, it } from 'vitest';
import { changesOf } from '../test-kit.ts';

type Json = Record<string, unknown>;
const contract = (requestBody?: Json, webhook = false): Json => {
  const operation = {
    operationId: 'makeThing',
    ...(requestBody && { requestBody }),
    responses: { '204': { description: 'ok' } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1.0.0' },
    ...(webhook
      ? { webhooks: { thingMade: { post: operation } } }
      : { paths: { '/things': { post: operation } } }),
  };
};
const json = (schema: Json = { type: 'object' }) => ({ 'application/json': { schema } });

describe('request body rules', () => {
  it.each<[string, { given: { base: Json; head: Json }; want: string[] }]>([
    [
      'a new required body refuses old requests',
      {
        given: { base: contract(), head: contract({ required: true, content: json() }) },
        want: ['request-body-added-required:breaking'],
      },
    ],
    [
      'a body that became required is breaking',
      {
        given: { base: contract({ content: json() }), head: contract({ required: true, content: json() }) },
        want: ['request-body-became-required:breaking'],
      },
    ],
    [
      'a body that became optional accepts more',
      {
        given: { base: contract({ required: true, content: json() }), head: contract({ content: json() }) },
        want: ['request-body-became-optional:info'],
      },
    ],
    [
      'a removed media type refuses requests sent as it',
      {
        given: {
          base: contract({
            content: { ...json(), 'application/x-www-form-urlencoded': { schema: { type: 'object' } } },
          }),
          head: contract({ content: json() }),
        },
        want: ['request-body-media-type-removed:breaking'],
      },
    ],
    [
      'a new media type is an addition',
      {
        given: {
          base: contract({ content: json() }),
          head: contract({ content: { ...json(), 'text/plain': {} } }),
        },
        want: ['request-body-media-type-added:info'],
      },
    ],
    [
      'a media type without a schema accepts anything',
      {
        given: {
          base: contract({ content: { 'application/json': {} } }),
          head: contract({ content: json({ type: 'object' }) }),
        },
        want: ['request-body-type-narrowed:breaking'],
      },
    ],
    [
      'a webhook body that became required is what the consumer gets anyway',
      {
        given: {
          base: contract({ content: json() }, true),
          head: contract({ required: true, content: json() }, true),
        },
        want: ['webhook-request-body-became-required:info'],
      },
    ],
    [
      'a webhook body that may carry more may not parse for the consumer',
      {
        given: {
          base: contract({ content: json({ type: 'string', enum: ['a'] }) }, true),
          head: contract({ content: json({ type: 'string' }) }, true),
        },
        want: ['webhook-request-body-enum-removed:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(changesOf(given.base, given.head)).toEqual(want);
  });
});
