import { describe, expect, it } from 'vitest';
import { type Cursor, decodeCursor, encodeCursor } from './cursor.ts';

describe('encodeCursor / decodeCursor', () => {
  it.each<[string, Cursor]>([
    ['a numeric key', { sort: '-price', after: { key: 12900, id: '3f6c1a9e-8b2d-4c7e-9a51-0d2e7b4f6a13' } }],
    ['a text key with non-ASCII', { sort: 'name', after: { key: 'Gärtner’s “Bed”', id: 'a' } }],
    ['a timestamp key', { sort: '-createdAt', after: { key: Date.parse('2025-03-14T09:26:53Z'), id: 'b' } }],
  ])('round-trips %s as URL-safe text', (_name, cursor) => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each<[string, string]>([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON but not an object', encode(42)],
    ['an unknown sort', encode({ s: 'stock', k: 1, i: 'a' })],
    ['a text key for a numeric sort', encode({ s: 'price', k: '1', i: 'a' })],
    ['a numeric key for a text sort', encode({ s: 'name', k: 1, i: 'a' })],
    ['a missing id', encode({ s: 'price', k: 1 })],
  ])('rejects %s', (_name, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});
