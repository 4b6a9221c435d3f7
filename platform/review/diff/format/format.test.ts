import { describe, expect, it } from 'vitest';
import type { Change } from '../change.ts';
import { addedContext, reportFor } from '../report.ts';
import { formatJson } from './format-json.ts';
import { COMMENT_MARKER, formatMarkdown } from './format-markdown.ts';
import { formatText } from './format-text.ts';

const change = (level: Change['level'], operation: string, id: string): Change => ({
  id,
  level,
  message: `${id} happened`,
  operation,
  pointer: '/paths/~1orders/post/requestBody',
  addition: level === 'info',
});
const changes = [
  change('info', 'GET /orders', 'response-body-property-added'),
  change('breaking', 'POST /orders', 'request-body-property-became-required'),
  change('warning', 'GET /orders', 'response-body-enum-value-added'),
  change('breaking', 'GET /orders', 'response-success-status-removed'),
];

describe('formats', () => {
  it('json: exactly the shape DESIGN.md fixes for two files', () => {
    const parsed = JSON.parse(formatJson([reportFor(undefined, changes, '1.0.0', '1.1.0')]));
    expect(Object.keys(parsed)).toEqual(['changes', 'versionBump']);
    expect(Object.keys(parsed.changes[0])).toEqual(['id', 'level', 'message', 'operation', 'pointer']);
    expect(parsed.versionBump).toEqual({ from: '1.0.0', to: '1.1.0', required: 'major', ok: false });
  });

  it('json: several contexts name theirs on each change and in a contexts list', () => {
    const parsed = JSON.parse(
      formatJson([
        reportFor('orders', changes, '1.0.0', '2.0.0'),
        addedContext('shipping', 'contracts/shipping/openapi.yaml', '0.1.0'),
      ]),
    );
    expect(parsed.changes.map((c: { context: string }) => c.context)).toContain('shipping');
    expect(parsed.contexts).toEqual([
      { context: 'orders', versionBump: { from: '1.0.0', to: '2.0.0', required: 'major', ok: true } },
      { context: 'shipping', versionBump: { from: '', to: '0.1.0', required: 'minor', ok: true } },
    ]);
    expect(parsed.versionBump).toMatchObject({ required: 'major', ok: true });
  });

  it('markdown: one summary line, then breaking changes first, grouped by operation', () => {
    const markdown = formatMarkdown([reportFor('orders', changes, '1.0.0', '1.1.0')]);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toMatch(
      /^🔴 \*\*charter diff\*\*: 2 breaking, 1 warning, 1 other; version bump needed: `orders` \*\*major\*\* ✗/,
    );
    const order = [
      '#### Breaking changes (2)',
      '**`GET /orders`**',
      '**`POST /orders`**',
      '#### Warnings (1)',
      '<details><summary>Other changes (1)</summary>',
    ];
    const positions = order.map((line) => lines.findIndex((l) => l.trim() === line));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('markdown: a report too long for a comment is cut with a pointer to the full list', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      change('breaking', `GET /o${i}`, 'response-body-property-removed'),
    );
    const markdown = formatMarkdown([reportFor(undefined, many, '1.0.0', '1.0.0')], 10_000);
    expect(markdown.length).toBeLessThan(10_300);
    expect(markdown).toMatch(/more line\(s\) left out/);
  });

  it('markdown: no changes says so', () => {
    expect(formatMarkdown([reportFor('orders', [], '1.0.0', '1.0.0')]).split('\n')[1]).toBe(
      '🟢 **charter diff**: no contract changes.',
    );
  });

  it('text: a summary line, then each change with its rule and pointer', () => {
    const text = formatText([reportFor('orders', [changes[1]], '1.0.0', '2.0.0')]);
    expect(text).toBe(
      [
        'orders: 1 breaking, 0 warnings, 0 other; needs a major version bump; info.version 1.0.0 → 2.0.0 gives it',
        '  breaking POST /orders  request-body-property-became-required',
        '           request-body-property-became-required happened',
        '           at #/paths/~1orders/post/requestBody',
      ].join('\n'),
    );
  });
});
