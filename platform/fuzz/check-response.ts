/**
 * Judges a response against the contract: a declared status, a body that matches its schema,
 * and problem+json for errors.
 * @module
 */
import type { OperationTarget } from './fuzz-target.ts';
import type { HttpResponse } from './send.ts';

/** @returns what is wrong with the response, or undefined when the contract allows it */
export function contractViolation(op: OperationTarget, response: HttpResponse): string | undefined {
  if (response.status === 0) return response.text;
  if (response.status >= 500) return `server error ${response.status}: ${response.text.slice(0, 300)}`;
  const code = String(response.status);
  const declared =
    op.operation.responses.find((r) => r.status === code || r.status === `${code[0]}XX`) ??
    op.operation.responses.find((r) => r.status === 'default');
  if (!declared) return `status ${code} is not declared by ${op.operation.operationId}`;
  const mediaType = (response.headers['content-type'] ?? '').split(';')[0].trim();
  const validate = op.responses[declared.status]?.[mediaType];
  if (!validate || response.text === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return `the ${mediaType} body is not JSON`;
  }
  if (validate(body)) return undefined;
  const first = validate.errors?.[0];
  return `body breaks the ${code} schema at ${first?.instancePath || '/'}: ${first?.message ?? 'invalid'}`;
}

/** A 400 the runtime itself raised because the request broke the contract. */
export function isValidationRefusal(response: HttpResponse): boolean {
  if (response.status === 413 || response.status === 415) return true;
  return response.status === 400 && response.text.includes('urn:charter:problem:request-validation');
}
