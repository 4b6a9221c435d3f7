import { describe, expect, it } from 'vitest';
import type { Change, Level } from './change.ts';
import { actualBump, type Bump, requiredBump, versionBump } from './semver.ts';

const change = (level: Level, addition = false): Change => ({
  id: 'x',
  level,
  message: '',
  operation: 'GET /',
  pointer: '',
  addition,
});

describe('semver', () => {
  it.each<[string, { given: Change[]; want: Bump }]>([
    ['nothing changed needs nothing', { given: [], want: 'none' }],
    [
      'any breaking change needs a major bump',
      { given: [change('info', true), change('breaking')], want: 'major' },
    ],
    ['additions need a minor bump', { given: [change('info'), change('warning', true)], want: 'minor' }],
    ['anything else needs a patch', { given: [change('warning'), change('info')], want: 'patch' }],
  ])('requiredBump: %s', (_, { given, want }) => expect(requiredBump(given)).toBe(want));

  it.each<[string, string, Bump | undefined]>([
    ['1.4.2', '2.0.0', 'major'],
    ['1.4.2', '1.5.0', 'minor'],
    ['1.4.2', '1.4.3', 'patch'],
    ['1.4.2', '1.4.2', 'none'],
    ['2.0.0', '1.9.0', 'none'],
    ['1.2.0-rc.1', '1.2.0', 'patch'],
    ['v1.0.0', 'v2.0.0', 'major'],
    ['2022-11-15', '2023-08-16', undefined],
  ])('actualBump(%s → %s) is %s', (from, to, want) => expect(actualBump(from, to)).toBe(want));

  it.each<
    [
      string,
      { given: { from: string; to: string; changes: Change[] }; want: { required: Bump; ok: boolean } },
    ]
  >([
    [
      'a major bump covers breaking changes',
      {
        given: { from: '1.0.0', to: '2.0.0', changes: [change('breaking')] },
        want: { required: 'major', ok: true },
      },
    ],
    [
      'a minor bump does not',
      {
        given: { from: '1.0.0', to: '1.1.0', changes: [change('breaking')] },
        want: { required: 'major', ok: false },
      },
    ],
    [
      'a minor bump covers additions',
      {
        given: { from: '1.0.0', to: '1.1.0', changes: [change('info', true)] },
        want: { required: 'minor', ok: true },
      },
    ],
    [
      'a forgotten patch bump is reported',
      {
        given: { from: '1.0.0', to: '1.0.0', changes: [change('info')] },
        want: { required: 'patch', ok: false },
      },
    ],
    [
      'date versions can show a change, never a major one',
      {
        given: { from: '2022-11-15', to: '2023-08-16', changes: [change('breaking')] },
        want: { required: 'major', ok: false },
      },
    ],
  ])('versionBump: %s', (_, { given, want }) => {
    expect(versionBump(given.from, given.to, given.changes)).toEqual({
      from: given.from,
      to: given.to,
      ...want,
    });
  });
});
