/**
 * The descriptor part of one operation module: what ties its validators (compiled by
 * compile-jobs.ts) to the route and security, as the runtime reads it (runtime/core/operation.ts).
 * @module
 */
import type { ContractModel, OperationModel } from '../../model/model.ts';
import type { ValidationRefs } from './validation-schemas.ts';

/** Marks a value that is emitted as a code reference rather than as JSON. */
class Code {
  constructor(readonly text: string) {}
}

/** The export names and ids standaloneCode compiles for one operation. */
export function requestValidatorRefs(refs: ValidationRefs): Record<string, string> {
  const out: Record<string, string> = { validateParameters: refs.parameters };
  refs.body.forEach((ref, index) => {
    if (ref) out[`validateBody${index}`] = ref;
  });
  return out;
}

/** Appends the descriptor that ties the validators to the route and security. */
export function operationDescriptorSource(
  model: ContractModel,
  operation: OperationModel,
  refs: ValidationRefs,
): string {
  const schemeNames = new Set(operation.security.flatMap((requirement) => Object.keys(requirement)));
  const descriptor = {
    operationId: operation.operationId,
    method: operation.method.toUpperCase(),
    path: operation.path,
    parameters: operation.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      style: p.style,
      explode: p.explode,
      shape: p.shape,
      ...(p.json ? { json: true } : {}),
    })),
    validateParameters: new Code('validateParameters'),
    ...(operation.requestBody
      ? {
          body: {
            required: operation.requestBody.required,
            media: operation.requestBody.media.map((m, index) => ({
              type: m.mediaType,
              kind: m.kind,
              ...(refs.body[index] ? { validate: new Code(`validateBody${index}`) } : {}),
            })),
          },
        }
      : {}),
    security: operation.security,
    securitySchemes: Object.fromEntries(
      model.securitySchemes
        .filter((s) => schemeNames.has(s.name))
        .map(({ name, ...scheme }) => [name, dropUndefined(scheme)]),
    ),
    responses: operation.responses.map((r) => ({
      status: r.status,
      media: r.media.map((m) => m.mediaType),
      requiredHeaders: r.headers.filter((h) => h.required).map((h) => h.name),
    })),
  };
  return `\nexport default ${toJs(descriptor, '')};\n`;
}

function toJs(value: unknown, indent: string): string {
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${toJs(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${toJs(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
