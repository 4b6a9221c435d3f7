/**
 * Turns ajv's errors into the `errors` list of a 400: where (`in`, `name`, `pointer`) and a
 * message a client developer can act on.
 * @module
 */
import type { ValidatorError } from './operation.ts';
import type { FieldError } from './problem.ts';

const LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);

/** Errors of the `{ path, query, header, cookie }` parameters validator. */
export function parameterErrors(errors: readonly ValidatorError[]): FieldError[] {
  return dedupe(
    errors.map((error) => {
      const segments = pointerSegments(error.instancePath);
      const location = segments[0];
      const name = segments[1] ?? (error.params.missingProperty as string | undefined);
      const rest = segments.slice(2);
      return {
        in: (LOCATIONS.has(location) ? location : 'query') as FieldError['in'],
        ...(name !== undefined ? { name } : {}),
        ...(rest.length > 0 ? { pointer: `/${rest.join('/')}` } : {}),
        message: describe(error),
      };
    }),
  );
}

/** Errors of a body or response validator; pointers are RFC 6901 into the body. */
export function bodyErrors(errors: readonly ValidatorError[]): FieldError[] {
  return dedupe(
    errors.map((error) => {
      const missing =
        error.keyword === 'required' ? `/${escapeSegment(String(error.params.missingProperty))}` : '';
      const extra =
        error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties'
          ? `/${escapeSegment(String(error.params.additionalProperty ?? error.params.unevaluatedProperty))}`
          : '';
      return {
        in: 'body' as const,
        pointer: `${error.instancePath}${missing}${extra}`,
        message: describe(error),
      };
    }),
  );
}

function describe(error: ValidatorError): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a property the contract allows';
    case 'unevaluatedProperties':
      return 'is not a property the contract allows';
    case 'enum':
      return `must be one of: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.in}|${e.name ?? ''}|${e.pointer ?? ''}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
