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
      const field: { in: FieldError['in']; name?: string; pointer?: string; message: string } = {
        in: (LOCATIONS.has(location) ? location : 'query') as FieldError['in'],
      } as never;
      if (name !== undefined) field.name = name;
      if (segments.length > 2) field.pointer = `/${segments.slice(2).join('/')}`;
      field.message = describe(error);
      return field;
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
      return enumMessage(error.params.allowedValues as readonly unknown[]);
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/**
 * ajv passes the schema's own `enum` array, the same object on every failure: its message is
 * built once.
 */
const enumMessages = new WeakMap<readonly unknown[], string>();

function enumMessage(allowed: readonly unknown[]): string {
  if (!Array.isArray(allowed)) return 'must be one of the values the contract allows';
  let message = enumMessages.get(allowed);
  if (message === undefined) {
    message = `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    enumMessages.set(allowed, message);
  }
  return message;
}

function pointerSegments(pointer: string): string[] {
  const segments = pointer.split('/').slice(1);
  // Escapes are rare (a `/` or `~` inside a parameter or property name).
  if (!pointer.includes('~')) return segments;
  return segments.map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function dedupe(errors: FieldError[]): FieldError[] {
  if (errors.length < 2) return errors;
  // A handful of errors (the usual 400) compare field by field, without building keys.
  if (errors.length <= 16) {
    const unique: FieldError[] = [];
    for (const e of errors) {
      const same = (u: FieldError) =>
        u.in === e.in &&
        (u.name ?? '') === (e.name ?? '') &&
        (u.pointer ?? '') === (e.pointer ?? '') &&
        u.message === e.message;
      if (!unique.some(same)) {
        unique.push(e);
      }
    }
    return unique;
  }
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.in}|${e.name ?? ''}|${e.pointer ?? ''}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
