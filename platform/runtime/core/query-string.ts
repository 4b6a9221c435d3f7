/**
 * Parses a raw query string and a Cookie header. Names and values are percent-decoded here;
 * bad encoding is reported per parameter instead of throwing.
 * @module
 */
import type { FieldError } from './problem.ts';

/** @example parseQueryString('tags=a%2Cb&limit=5', []) // { tags: ['a,b'], limit: ['5'] } */
export function parseQueryString(raw: string, errors: FieldError[]): Record<string, string[]> {
  const query: Record<string, string[]> = Object.create(null);
  if (raw === '') return query;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const rawName = at < 0 ? part : part.slice(0, at);
    const rawValue = at < 0 ? '' : part.slice(at + 1);
    const name = formDecode(rawName);
    const value = formDecode(rawValue);
    if (name === undefined || value === undefined) {
      errors.push({ in: 'query', name: name ?? rawName, message: `"${part}" is not valid percent-encoding` });
      continue;
    }
    (query[name] ??= []).push(value);
  }
  return query;
}

function formDecode(value: string): string | undefined {
  const spaced = value.includes('+') ? value.replaceAll('+', ' ') : value;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/** @example parseCookies('a=1; b=two') // { a: '1', b: 'two' } */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    if (name && !(name in cookies)) cookies[name] = pair.slice(at + 1).trim();
  }
  return cookies;
}
