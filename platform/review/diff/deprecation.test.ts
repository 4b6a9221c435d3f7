import { describe, expect, it } from 'vitest';
import { compareNotice, type Notice, noticeOf, parseSunset, removalVerdict } from './deprecation.ts';

const now = new Date('2026-06-01T00:00:00Z');

describe('deprecation notice', () => {
  it.each([
    ['2030-01-31', true],
    ['2030-01-31T12:00:00Z', true],
    ['2023-02-30', false],
    ['invalid-date', false],
    ['31.01.2030', false],
  ])('parseSunset(%j) reads a date: %s', (given, want) =>
    expect(parseSunset(given) !== undefined).toBe(want),
  );

  it('reads dates YAML already turned into Date objects', () => {
    expect(noticeOf({ deprecated: true, 'x-sunset': new Date('2030-01-31T00:00:00Z') }).sunset?.raw).toBe(
      '2030-01-31',
    );
  });

  it.each<[string, Notice, ReturnType<typeof removalVerdict>]>([
    ['not deprecated', { deprecated: false }, 'unannounced'],
    ['deprecated without a date', { deprecated: true }, 'after-notice'],
    [
      'sunset passed',
      { deprecated: true, sunset: { raw: '2025-01-01', date: new Date('2025-01-01') } },
      'after-notice',
    ],
    [
      'sunset ahead',
      { deprecated: true, sunset: { raw: '2099-01-01', date: new Date('2099-01-01') } },
      'before-sunset',
    ],
    ['sunset unreadable', { deprecated: true, sunset: { raw: 'soon' } }, 'before-sunset'],
  ])('removing something %s is %s', (_, notice, want) => expect(removalVerdict(notice, now)).toBe(want));

  it.each<[string, { given: [Json, Json, number]; want: string[] }]>([
    ['newly deprecated', { given: [{}, { deprecated: true }, 0], want: ['deprecated'] }],
    [
      'newly deprecated without the notice the policy asks for',
      { given: [{}, { deprecated: true }, 30], want: ['deprecation-sunset-missing'] },
    ],
    [
      'newly deprecated with too short a notice',
      {
        given: [{}, { deprecated: true, 'x-sunset': '2026-06-10' }, 30],
        want: ['deprecation-sunset-too-soon'],
      },
    ],
    [
      'sunset moved later',
      {
        given: [
          { deprecated: true, 'x-sunset': '2027-01-01' },
          { deprecated: true, 'x-sunset': '2028-01-01' },
          0,
        ],
        want: ['deprecation-sunset-changed'],
      },
    ],
    ['reactivated', { given: [{ deprecated: true }, {}, 0], want: ['reactivated'] }],
    [
      'unchanged',
      { given: [{ deprecated: true, 'x-sunset': 'x' }, { deprecated: true, 'x-sunset': 'x' }, 0], want: [] },
    ],
  ])('compareNotice: %s', (_, { given, want }) => {
    const [before, after, days] = given;
    expect(compareNotice(noticeOf(before), noticeOf(after), now, days).map((f) => f.what)).toEqual(want);
  });
});

type Json = Record<string, unknown>;
