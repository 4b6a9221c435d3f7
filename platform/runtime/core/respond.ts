/**
 * Turns a handler's result into a transport-neutral response, checking it against the contract
 * first when response checks are on.
 * @module
 */
import { bodyErrors } from './field-errors.ts';
import type { CompiledOperation, ResponseSpec, ResponseValidators } from './operation.ts';
import { type HttpError, PROBLEM_MEDIA_TYPE } from './problem.ts';

export interface CoreResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** The operation that answered, when routing got that far (for request logs). */
  readonly operationId?: string;
}

/** What a handler returns: one member of its generated response union. */
export interface HandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly contentType?: string;
}

/** The declared response a status falls under: exact code, then `4XX`, then `default`. */
export function declaredResponse(operation: CompiledOperation, status: number): ResponseSpec | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    operation.responses.find((r) => r.status === code) ??
    operation.responses.find((r) => r.status === range) ??
    operation.responses.find((r) => r.status === 'default')
  );
}

/** @returns every way the result breaks the contract; empty when it conforms */
export function responseMismatches(
  operation: CompiledOperation,
  result: HandlerResult,
  validators: ResponseValidators | undefined,
): string[] {
  if (!result || typeof result !== 'object' || !Number.isInteger(result.status)) {
    return ['the handler did not return { status, body }'];
  }
  const declared = declaredResponse(operation, result.status);
  if (!declared) {
    return [
      `status ${result.status} is not declared (declared: ${operation.responses.map((r) => r.status).join(', ')})`,
    ];
  }
  const mismatches: string[] = [];
  for (const header of declared.requiredHeaders) {
    const present = Object.keys(result.headers ?? {}).some(
      (name) => name.toLowerCase() === header.toLowerCase(),
    );
    if (!present) mismatches.push(`required header ${header} is missing`);
  }
  if (declared.media.length === 0) {
    if (result.body !== undefined) mismatches.push(`status ${result.status} declares no body`);
    return mismatches;
  }
  const contentType = result.contentType ?? declared.media[0];
  if (!declared.media.includes(contentType)) {
    mismatches.push(`content type ${contentType} is not declared for status ${result.status}`);
    return mismatches;
  }
  const validate = validators?.[operation.operationId]?.[declared.status]?.[contentType];
  if (validate && !validate(result.body)) {
    for (const error of bodyErrors(validate.errors ?? []).slice(0, 10)) {
      mismatches.push(`body${error.pointer ? ` at ${error.pointer}` : ''} ${error.message}`);
    }
  }
  return mismatches;
}

/** Serialises a conforming result. JSON media types are stringified; others pass through. */
export function serialize(operation: CompiledOperation, result: HandlerResult): CoreResponse {
  const headers: Record<string, string> = {};
  const given = result.headers;
  if (given) {
    for (const name in given) {
      const value = given[name];
      if (value !== undefined) headers[name.toLowerCase()] = String(value);
    }
  }
  if (result.body === undefined) return { status: result.status, headers };
  const contentType =
    result.contentType ?? declaredResponse(operation, result.status)?.media[0] ?? 'application/json';
  headers['content-type'] = contentType;
  if (isJsonMedia(contentType)) return { status: result.status, headers, body: JSON.stringify(result.body) };
  const body = result.body instanceof Uint8Array ? result.body : String(result.body);
  return { status: result.status, headers, body };
}

/** @example problemResponse(new NotFoundError('GET', '/x'), 'urn:request:abc') */
export function problemResponse(error: HttpError, instance: string): CoreResponse {
  return {
    status: error.status,
    headers: { ...error.headers, 'content-type': PROBLEM_MEDIA_TYPE },
    body: JSON.stringify(error.toProblem(instance)),
  };
}

/** Content types seen so far; a function answers with a handful, so this stays tiny. */
const jsonMedia = new Map<string, boolean>();

function isJsonMedia(contentType: string): boolean {
  let json = jsonMedia.get(contentType);
  if (json === undefined) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    json = type === 'application/json' || type.endsWith('+json');
    if (jsonMedia.size < 64) jsonMedia.set(contentType, json);
  }
  return json;
}
