/**
 * Hostile input: what attackers and broken clients send. None of it may produce a 5xx, a crash
 * or a hang; most of it must be refused with a 4xx.
 * @module
 */
import type { HttpRequest, RequestValues } from './encode-request.ts';
import { encodeRequest } from './encode-request.ts';
import type { OperationTarget } from './fuzz-target.ts';

export interface HostileCase {
  readonly name: string;
  /** A request fetch can send, or raw bytes for what it cannot. */
  readonly request:
    | HttpRequest
    | {
        readonly raw: (basePath: string) => string;
        readonly method: string;
        readonly target: string;
        readonly headers: Record<string, string>;
      };
  /** Statuses that are a correct answer. */
  readonly accept: (status: number) => boolean;
}

const is4xx = (status: number) => status >= 400 && status < 500;
const notServerError = (status: number) => status > 0 && status < 500;

/** @example hostileCases(op, validValues).map((c) => c.name) */
export function hostileCases(op: OperationTarget, valid: RequestValues): HostileCase[] {
  const base = encodeRequest(op.operation, valid, op.bodyMediaType);
  const cases: HostileCase[] = [];
  const withBody = (name: string, body: string | Uint8Array, accept = is4xx) =>
    cases.push({
      name,
      accept,
      request: {
        ...base,
        headers: { ...base.headers, 'content-type': op.bodyMediaType ?? 'application/json' },
        body,
      },
    });

  if (op.validateBody) {
    withBody('malformed JSON', '{"lines": [');
    withBody('20,000-deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    withBody('20,000-deep objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    withBody('body over 10 MB', `{"pad":"${'x'.repeat(10 * 1024 * 1024 + 16)}"}`, (s) => s === 413);
    withBody(
      '__proto__, constructor and prototype keys',
      mergeJson(valid.body, '"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":true}}'),
      notServerError,
    );
    withBody(
      'huge numbers',
      JSON.stringify(valid.body ?? {})
        .replace(/:(-?\d+)([,}])/g, ':1e400$2')
        .replace(/^\{/, '{"n":123456789012345678901234567890,'),
      notServerError,
    );
    withBody('a 1 MB string', mergeJson(valid.body, `"long":"${'é'.repeat(512 * 1024)}"`), notServerError);
    withBody(
      'invalid UTF-8',
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
    );
    withBody('wrong content type', 'hello', (s) => s === 415 || s === 400);
  }
  for (const parameter of op.operation.parameters.filter((p) => p.in === 'path')) {
    const traversal = structuredClone(valid);
    traversal.path[parameter.name] = '../../../../etc/passwd';
    cases.push({
      name: `path traversal in {${parameter.name}}`,
      accept: notServerError,
      request: encodeRequest(op.operation, traversal, op.bodyMediaType),
    });
    cases.push({
      name: `bad percent-encoding in {${parameter.name}}`,
      accept: notServerError,
      request: {
        ...base,
        target: base.target.replace(encodeURIComponent(String(valid.path[parameter.name])), '%E0%A4%A'),
      },
    });
  }
  for (const parameter of op.operation.parameters.filter((p) => p.in === 'query')) {
    const name = encodeURIComponent(parameter.name);
    const join = base.target.includes('?') ? '&' : '?';
    cases.push({
      name: `duplicate ${parameter.name}`,
      accept: notServerError,
      request: { ...base, target: `${base.target}${join}${name}=1&${name}=2&${name}=%zz` },
    });
    cases.push({
      name: `long ${parameter.name}`,
      accept: notServerError,
      request: { ...base, target: `${base.target}${join}${name}=${'a'.repeat(6000)}` },
    });
    cases.push({
      name: `backtracking bait in ${parameter.name}`,
      accept: notServerError,
      request: { ...base, target: `${base.target}${join}${name}=${'a'.repeat(5000)}!` },
    });
  }
  cases.push({
    name: 'CR/LF in a header',
    accept: is4xx,
    request: {
      method: base.method,
      target: base.target,
      headers: base.headers,
      raw: (prefix) =>
        `${base.method} ${prefix}${base.target} HTTP/1.1\r\nHost: fuzz\r\nX-Injected: a\rSet-Cookie: b\r\nContent-Length: 0\r\n\r\n`,
    },
  });
  return cases;
}

function mergeJson(body: unknown, members: string): string {
  const text = JSON.stringify(body && typeof body === 'object' && !Array.isArray(body) ? body : {});
  return text === '{}' ? `{${members}}` : `{${members},${text.slice(1)}`;
}
