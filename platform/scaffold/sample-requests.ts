/**
 * Requests for the test file of a new context: per operation one the contract accepts (from
 * its examples where it has them, else generated from its schemas with a fixed seed) and, where
 * one is easy to make, one it refuses. Each is run through the runtime core with the context's
 * freshly generated routes before it is written down, so the scaffolded tests pass by
 * construction: accepted requests answer 501 (no handler yet), refused ones 400.
 * @module
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { derefLocal, resolvePointer } from '../codegen/model/json-pointer.ts';
import type { ContractModel, OperationModel, ParameterModel } from '../codegen/model/model.ts';
import { encodeRequest, type RequestValues } from '../fuzz/encode-request.ts';
import { buildFuzzTarget, type OperationTarget } from '../fuzz/fuzz-target.ts';
import { validRequestArbitrary } from '../fuzz/request-arbitrary.ts';
import {
  type ContextRoutes,
  type CoreRequest,
  createApp,
  silentLogger,
  upstreamAuthenticator,
  type VerifiedIdentity,
} from '../runtime/index.ts';

/** A request as the test file writes it: exactly what `app.handle` takes. */
export type SampleRequest = Pick<
  CoreRequest,
  'method' | 'path' | 'query' | 'headers' | 'body' | 'requestId'
> & {
  readonly verified?: VerifiedIdentity;
};

export interface SampleCases {
  /** Per operation, a request that passes validation (501 without a handler). */
  readonly valid: readonly (readonly [string, SampleRequest])[];
  /** Requests refused with 400 before any handler runs. */
  readonly invalid: readonly (readonly [string, SampleRequest])[];
  /** Operations no accepted request was found for. */
  readonly missing: readonly string[];
}

type Json = Record<string, unknown>;

const SEED = 20_240_601;

/** @example const cases = await sampleRequests('/repo', model); */
export async function sampleRequests(root: string, model: ContractModel): Promise<SampleCases> {
  const routesFile = join(root, 'generated', model.context, 'routes.gen.ts');
  const { contextRoutes } = (await import(pathToFileURL(routesFile).href)) as {
    contextRoutes: ContextRoutes;
  };
  const app = createApp({
    routes: contextRoutes,
    handlers: {},
    deps: {},
    authenticator: upstreamAuthenticator,
    logger: silentLogger,
    logRequests: false,
    responseValidation: 'off',
  });
  const status = async (request: SampleRequest) => (await app.handle(request)).status;
  const target = buildFuzzTarget(model);
  const valid: [string, SampleRequest][] = [];
  const invalid: [string, SampleRequest][] = [];
  const missing: string[] = [];
  for (const opTarget of target.operations) {
    const op = opTarget.operation;
    const verified = identityFor(op, model);
    const candidates = [fromExamples(model, opTarget), ...generated(target, opTarget)].filter(
      (v): v is RequestValues => v !== undefined,
    );
    let accepted: SampleRequest | undefined;
    for (const values of candidates) {
      const request = toCoreRequest(op, values, opTarget.bodyMediaType, verified);
      if ((await status(request)) === 501) {
        accepted = request;
        break;
      }
    }
    if (!accepted) {
      missing.push(op.operationId);
      continue;
    }
    valid.push([op.operationId, accepted]);
    for (const refused of refusals(op, accepted)) {
      if ((await status(refused)) === 400) {
        invalid.push([op.operationId, refused]);
        break;
      }
    }
  }
  return { valid, invalid, missing };
}

/** Required parameters from their examples (or defaults, or a first enum value), and the body example. */
function fromExamples(model: ContractModel, target: OperationTarget): RequestValues | undefined {
  const op = target.operation;
  const values: RequestValues = { path: {}, query: {}, header: {}, cookie: {} };
  for (const parameter of op.parameters.filter((p) => p.required)) {
    const example = parameterExample(model, parameter);
    if (example === undefined) return undefined;
    values[parameter.in][parameter.name] = example;
  }
  if (op.requestBody?.required) {
    const media = op.requestBody.media.find((m) => m.mediaType === target.bodyMediaType);
    const example = media ? mediaExample(model, media.pointer) : undefined;
    if (example === undefined) return undefined;
    values.body = example;
  }
  return values;
}

function generated(target: ReturnType<typeof buildFuzzTarget>, op: OperationTarget): RequestValues[] {
  try {
    return fc.sample(validRequestArbitrary(target, op), { seed: SEED, numRuns: 12 });
  } catch {
    // Schemas too constrained to generate from: the operation is listed as missing instead.
    return [];
  }
}

function toCoreRequest(
  op: OperationModel,
  values: RequestValues,
  mediaType: string | undefined,
  verified: VerifiedIdentity | undefined,
): SampleRequest {
  const http = encodeRequest(op, values, mediaType);
  const at = http.target.indexOf('?');
  return {
    method: http.method,
    path: at === -1 ? http.target : http.target.slice(0, at),
    query: at === -1 ? '' : http.target.slice(at + 1),
    headers: http.headers,
    ...(typeof http.body === 'string' ? { body: http.body } : {}),
    requestId: `test-${op.operationId}`,
    ...(verified ? { verified } : {}),
  };
}

/** Ways to break an accepted request that any contract refuses: a body of the wrong shape, a number that is not one. */
function refusals(op: OperationModel, accepted: SampleRequest): SampleRequest[] {
  const out: SampleRequest[] = [];
  if (accepted.body !== undefined) {
    out.push(
      { ...accepted, body: '[]' },
      { ...accepted, body: '"not the body"' },
      { ...accepted, body: '{}' },
    );
  }
  for (const parameter of op.parameters.filter((p) => p.in === 'query' && isNumeric(p))) {
    const extra = `${encodeURIComponent(parameter.name)}=not-a-number`;
    out.push({ ...accepted, query: accepted.query ? `${accepted.query}&${extra}` : extra });
  }
  return out;
}

function isNumeric(parameter: ParameterModel): boolean {
  const type = (parameter.schema as Json | undefined)?.type;
  return type === 'integer' || type === 'number';
}

/** What the operation's first security alternative would have verified upstream. */
function identityFor(op: OperationModel, model: ContractModel): VerifiedIdentity | undefined {
  const alternative = op.security.find((requirement) => Object.keys(requirement).length > 0);
  if (!alternative || op.security.some((requirement) => Object.keys(requirement).length === 0))
    return undefined;
  const scopes = [...new Set(Object.values(alternative).flat())];
  const apiKey = Object.keys(alternative).some(
    (name) => model.securitySchemes.find((s) => s.name === name)?.type === 'apiKey',
  );
  const other = Object.keys(alternative).some(
    (name) => model.securitySchemes.find((s) => s.name === name)?.type !== 'apiKey',
  );
  return {
    claims: other ? { sub: 'test-user', scope: scopes.join(' ') } : {},
    ...(other ? { scopes } : {}),
    ...(apiKey ? { apiKeyId: 'test-key' } : {}),
  };
}

function parameterExample(model: ContractModel, parameter: ParameterModel): unknown {
  const raw = derefLocal<Json>(model.bundled, resolvePointer(model.bundled, parameter.pointer));
  const schema = derefLocal<Json>(model.bundled, raw?.schema);
  return (
    firstOf(raw) ??
    firstOf(schema) ??
    schema?.default ??
    (Array.isArray(schema?.enum) ? schema.enum[0] : undefined)
  );
}

function mediaExample(model: ContractModel, pointer: string): unknown {
  const media = derefLocal<Json>(model.bundled, resolvePointer(model.bundled, pointer));
  return firstOf(media) ?? firstOf(derefLocal<Json>(model.bundled, media?.schema));
}

/** `example`, or the first of `examples` (a map of Example objects, or a JSON Schema list). */
function firstOf(node: Json | undefined): unknown {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  const examples = node.examples;
  if (Array.isArray(examples)) return examples[0];
  if (examples && typeof examples === 'object') {
    const first = Object.values(examples as Json)[0] as Json | undefined;
    return first?.value;
  }
  return undefined;
}
