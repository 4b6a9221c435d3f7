/**
 * Splits an operation's request checks between API Gateway and the function: which required
 * parameters the gateway can see by name, which JSON body it can check against a draft-4 model,
 * and, for the generated definition, everything else the function checks alone.
 * @module
 */
import type { ContractModel, OperationModel, ParameterModel } from '../../../platform/codegen/model/model.ts';
import { toDraft4 } from './draft4.ts';
import { resolveThroughRefs } from './resolve.ts';

type Json = Record<string, unknown>;

export type ValidatorName = 'all' | 'params' | 'body';

export interface GatewayValidation {
  /** Parameters whose presence the gateway checks. */
  readonly requiredParameters: readonly ParameterModel[];
  /** The draft-4 model of a required JSON body, when the gateway can check anything about it. */
  readonly bodyModel?: { readonly mediaType: string; readonly schema: Json };
  readonly validator?: ValidatorName;
  /** Checked at the gateway, in words, for the definition's `x-charter-validation`. */
  readonly gateway: readonly string[];
  /** Checked by the function only, in words. */
  readonly lambdaOnly: readonly string[];
}

/** Notes listed per operation before the rest is summarised, to keep big definitions small. */
const MAX_NOTES = 12;

/** @example gatewayValidation(model, model.operations[0]).validator // 'all' */
export function gatewayValidation(model: ContractModel, op: OperationModel): GatewayValidation {
  const gateway: string[] = [];
  const lambdaOnly: string[] = [];
  const requiredParameters = op.parameters.filter((p) => p.required && p.in !== 'path' && visibleByName(p));
  if (requiredParameters.length > 0)
    gateway.push(`presence of ${requiredParameters.map((p) => `${p.in} ${p.name}`).join(', ')}`);
  const hidden = op.parameters.filter((p) => p.required && p.in !== 'path' && !visibleByName(p));
  for (const p of hidden) lambdaOnly.push(`presence of ${p.in} ${p.name} (style ${p.style})`);
  if (op.parameters.length > 0) lambdaOnly.push('parameter values: decoding, types, formats and ranges');

  let bodyModel: GatewayValidation['bodyModel'];
  const body = op.requestBody;
  if (body) {
    const json = body.media.find((m) => m.kind === 'json' && m.mediaType !== '*/*');
    const others = body.media.filter((m) => m !== json).map((m) => m.mediaType);
    if (others.length > 0) lambdaOnly.push(`bodies of ${others.join(', ')}`);
    if (json && !body.required) {
      // The gateway validates an absent body against the model too, and would refuse it.
      lambdaOnly.push(`optional ${json.mediaType} body`);
    } else if (json) {
      const schema = resolveThroughRefs(model.validationDocument, `${json.pointer}/schema`);
      const translated = toDraft4(schema, model.validationDocument);
      if (translated.schema) {
        bodyModel = { mediaType: json.mediaType, schema: translated.schema };
        gateway.push(`${json.mediaType} body against a draft-4 model`);
      }
      lambdaOnly.push(...summarise(translated.lambdaOnly.map((n) => `body ${n}`)));
    }
  }
  const checksParams = requiredParameters.length > 0;
  const validator: ValidatorName | undefined =
    checksParams && bodyModel ? 'all' : checksParams ? 'params' : bodyModel ? 'body' : undefined;
  return { requiredParameters, bodyModel, validator, gateway, lambdaOnly };
}

/**
 * Whether a parameter's own name appears in the request, so the gateway can see it is there:
 * exploded form objects and deepObject spread it over other names (`price[gte]`).
 */
function visibleByName(p: ParameterModel): boolean {
  if (p.in === 'cookie') return false;
  if (p.in === 'header' || p.json) return true;
  if (p.style === 'deepObject') return false;
  return !(p.shape === 'object' && p.explode);
}

function summarise(notes: readonly string[]): string[] {
  if (notes.length <= MAX_NOTES) return [...notes];
  return [...notes.slice(0, MAX_NOTES), `and ${notes.length - MAX_NOTES} more body keywords`];
}
