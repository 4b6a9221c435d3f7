import { describe, expect, it } from 'vitest';
import { type SchemaCase, schemaChanges, type Want } from '../../test-kit.ts';

describe('string rules', () => {
  it.each<[string, { given: SchemaCase; want: Want }]>([
    [
      'a new request pattern is breaking',
      {
        given: {
          base: { type: 'string' },
          head: { type: 'string', pattern: '^[A-Z]{3}$' },
          direction: 'request',
        },
        want: ['request-body-pattern-added:breaking'],
      },
    ],
    [
      'a removed response pattern is breaking',
      {
        given: {
          base: { type: 'string', pattern: '^[A-Z]{3}$' },
          head: { type: 'string' },
          direction: 'response',
        },
        want: ['response-body-pattern-removed:breaking'],
      },
    ],
    [
      'a changed pattern is breaking either way',
      {
        given: {
          base: { type: 'string', pattern: '^a' },
          head: { type: 'string', pattern: '^b' },
          direction: 'response',
        },
        want: ['response-body-pattern-changed:breaking'],
      },
    ],
    [
      'charter enforces formats, so a new request format is breaking',
      {
        given: { base: { type: 'string' }, head: { type: 'string', format: 'uuid' }, direction: 'request' },
        want: ['request-body-format-added:breaking'],
      },
    ],
    [
      'int32 → int64 widens a request',
      {
        given: {
          base: { type: 'integer', format: 'int32' },
          head: { type: 'integer', format: 'int64' },
          direction: 'request',
        },
        want: ['request-body-format-widened:info'],
      },
    ],
    [
      'int32 → int64 in a response may overflow clients',
      {
        given: {
          base: { type: 'integer', format: 'int32' },
          head: { type: 'integer', format: 'int64' },
          direction: 'response',
        },
        want: ['response-body-format-widened:breaking'],
      },
    ],
    [
      'formats nobody validates are notes',
      {
        given: {
          base: { type: 'string', format: 'password' },
          head: { type: 'string', format: 'secret' },
          direction: 'request',
        },
        want: ['request-body-format-annotation-changed:info'],
      },
    ],
    [
      'a changed content encoding is breaking',
      {
        given: {
          base: { type: 'string', contentEncoding: 'base64' },
          head: { type: 'string', contentEncoding: 'quoted-printable' },
          direction: 'request',
        },
        want: ['request-body-content-encoding-changed:breaking'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(schemaChanges(given.base, given.head, given.direction, given.components)).toEqual(want);
  });
});
