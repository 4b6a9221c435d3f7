import { describe, expect, it } from 'vitest';
import { changesOf } from '../test-kit.ts';

type Json = Record<string, unknown>;
const contract = (responses: Json): Json => ({
  openapi: '3.1.0',
  info: { title: 'T', version: '1.0.0' },
  paths: { '/things': { get: { operationId: 'getThing', responses } } },
});
const json = { 'application/json': { schema: { type: 'object' } } };
const problem = { 'application/problem+json': { schema: { type: 'object' } } };

describe('response rules', () => {
  it.each<[string, { given: { base: Json; head: Json }; want: string[] }]>([
    [
      'a removed success status is breaking',
      {
        given: {
          base: contract({ '200': { description: 'ok' } }),
          head: contract({ '201': { description: 'ok' } }),
        },
        want: ['response-success-status-added:warning', 'response-success-status-removed:breaking'],
      },
    ],
    [
      'a removed error status is a note',
      {
        given: {
          base: contract({ '200': { description: 'ok' }, '404': { description: 'no' } }),
          head: contract({ '200': { description: 'ok' } }),
        },
        want: ['response-status-removed:info'],
      },
    ],
    [
      'a new error status is an addition',
      {
        given: {
          base: contract({ '200': { description: 'ok' } }),
          head: contract({ '200': { description: 'ok' }, '409': { description: 'no', content: problem } }),
        },
        want: ['response-status-added:info'],
      },
    ],
    [
      'a removed response media type is breaking',
      {
        given: {
          base: contract({ '200': { description: 'ok', content: { ...json, 'text/csv': {} } } }),
          head: contract({ '200': { description: 'ok', content: json } }),
        },
        want: ['response-media-type-removed:breaking'],
      },
    ],
    [
      'a removed required header is breaking',
      {
        given: {
          base: contract({
            '201': {
              description: 'ok',
              headers: { Location: { required: true, schema: { type: 'string' } } },
            },
          }),
          head: contract({ '201': { description: 'ok' } }),
        },
        want: ['response-header-removed:breaking'],
      },
    ],
    [
      'a header that became optional is breaking',
      {
        given: {
          base: contract({
            '201': {
              description: 'ok',
              headers: { Location: { required: true, schema: { type: 'string' } } },
            },
          }),
          head: contract({
            '201': { description: 'ok', headers: { location: { schema: { type: 'string' } } } },
          }),
        },
        want: ['response-header-became-optional:breaking'],
      },
    ],
    [
      'response bodies are compared as responses',
      {
        given: {
          base: contract({
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'string', maxLength: 5 } } },
            },
          }),
          head: contract({
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'string', maxLength: 9 } } },
            },
          }),
        },
        want: ['response-body-max-length-increased:breaking'],
      },
    ],
    [
      '2xx and 2XX keep their spelling apart',
      {
        given: {
          base: contract({ '2XX': { description: 'ok' } }),
          head: contract({ '2xx': { description: 'ok' } }),
        },
        want: [],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(changesOf(given.base, given.head)).toEqual(want);
  });
});
