/**
 * `charter fuzz`: drives a running gateway with requests generated from a contract — valid ones
 * (accepted, answered as the contract says), invalid ones (a 400 naming the field) and hostile
 * ones (never a 5xx, crash or hang) — and checks the gateway still serves afterwards.
 * @module
 */
import fc from 'fast-check';
import type { ContractModel } from '../codegen/model/model.ts';
import { contractViolation, isValidationRefusal } from './check-response.ts';
import { type CredentialOptions, credentialHeaders } from './credentials.ts';
import { encodeRequest, type RequestValues } from './encode-request.ts';
import type { ClassTally, FuzzClass, FuzzFailure } from './fuzz-failure.ts';
import { buildFuzzTarget, type OperationTarget } from './fuzz-target.ts';
import { hostileCases } from './hostile-cases.ts';
import { invalidCases } from './invalid-cases.ts';
import { validRequestArbitrary } from './request-arbitrary.ts';
import { send, sendRaw } from './send.ts';

export interface FuzzOptions extends CredentialOptions {
  /** Base URL of the context, e.g. http://127.0.0.1:3000/orders. */
  readonly contextUrl: string;
  /** Valid requests per operation. @default 25 */
  readonly runs?: number;
  /** @default 42 */
  readonly seed?: number;
  /** Include the hostile class. @default true */
  readonly hostile?: boolean;
  readonly progress?: (line: string) => void;
}

export interface FuzzReport {
  readonly context: string;
  readonly seed: number;
  readonly tally: Record<FuzzClass, ClassTally>;
  readonly failures: readonly FuzzFailure[];
  /** Operations whose valid inputs could not be generated (a contract too strict to sample). */
  readonly skipped: readonly string[];
  readonly healthyAfterwards: boolean;
}

/** @example const report = await fuzzContext(model, { contextUrl, root, local: true, runs: 10 }); */
export async function fuzzContext(model: ContractModel, options: FuzzOptions): Promise<FuzzReport> {
  const target = buildFuzzTarget(model);
  const seed = options.seed ?? 42;
  const runs = options.runs ?? 25;
  const auth = await credentialHeaders(model, options);
  const tally: Record<FuzzClass, ClassTally> = { valid: zero(), invalid: zero(), hostile: zero() };
  const failures: FuzzFailure[] = [];
  const skipped: string[] = [];
  const fail = (
    op: OperationTarget,
    kind: FuzzClass,
    name: string,
    values: RequestValues | undefined,
    request: FuzzFailure['request'] | undefined,
    status: number,
    problem: string,
  ) => {
    tally[kind].failed++;
    failures.push({
      operationId: op.operation.operationId,
      class: kind,
      case: name,
      request: request ?? encodeRequest(op.operation, values as RequestValues, op.bodyMediaType),
      status,
      problem,
    });
  };

  for (const op of target.operations) {
    options.progress?.(`${model.context}: ${op.operation.operationId}`);
    const arbitrary = validRequestArbitrary(target, op);
    let sample: RequestValues;
    try {
      [sample] = fc.sample(arbitrary, { numRuns: 1, seed });
    } catch {
      skipped.push(op.operation.operationId);
      continue;
    }

    // Valid: the property is "accepted and answered within the contract"; fast-check shrinks a failure.
    let firstFailure: { values: RequestValues; status: number; problem: string } | undefined;
    await fc
      .assert(
        fc.asyncProperty(arbitrary, async (values) => {
          const request = encodeRequest(op.operation, values, op.bodyMediaType);
          const response = await send(options.contextUrl, request, auth);
          tally.valid.sent++;
          const problem = isValidationRefusal(response)
            ? `a valid request was refused: ${response.text.slice(0, 400)}`
            : response.status === 401 || response.status === 403
              ? `valid credentials were refused with ${response.status}`
              : contractViolation(op, response);
          if (problem) {
            firstFailure = { values, status: response.status, problem };
            return false;
          }
          return true;
        }),
        { numRuns: runs, seed, endOnFailure: false, interruptAfterTimeLimit: 60_000 },
      )
      .catch(() => {
        if (firstFailure)
          fail(
            op,
            'valid',
            'valid request',
            firstFailure.values,
            undefined,
            firstFailure.status,
            firstFailure.problem,
          );
      });

    for (const invalid of invalidCases(target, op, sample)) {
      const request = encodeRequest(op.operation, invalid.values, op.bodyMediaType);
      const response = await send(options.contextUrl, request, auth);
      tally.invalid.sent++;
      if (response.status !== 400) {
        fail(
          op,
          'invalid',
          invalid.name,
          undefined,
          request,
          response.status,
          `expected 400, got ${response.status}: ${response.text.slice(0, 200)}`,
        );
      } else if (!namesField(response.text, invalid.expect)) {
        fail(
          op,
          'invalid',
          invalid.name,
          undefined,
          request,
          400,
          `the 400 does not name ${invalid.expect.in} ${invalid.expect.name ?? invalid.expect.pointer}: ${response.text.slice(0, 300)}`,
        );
      }
    }

    if (options.hostile === false) continue;
    for (const hostile of hostileCases(op, sample)) {
      const request = hostile.request;
      const response =
        'raw' in request
          ? await sendRaw(options.contextUrl, request.raw(new URL(options.contextUrl).pathname))
          : await send(options.contextUrl, request, auth);
      tally.hostile.sent++;
      if (!hostile.accept(response.status)) {
        const shown = {
          method: request.method,
          target: request.target,
          headers: request.headers,
          body: summarise('body' in request ? request.body : undefined),
        };
        fail(
          op,
          'hostile',
          hostile.name,
          undefined,
          shown,
          response.status,
          `unexpected ${response.status}: ${response.text.slice(0, 200)}`,
        );
      }
    }
  }

  const healthy = await send(
    options.contextUrl,
    { method: 'GET', target: '/__charter_fuzz_health__', headers: {} },
    {},
  );
  return {
    context: model.context,
    seed,
    tally,
    failures,
    skipped,
    healthyAfterwards: healthy.status > 0 && healthy.status < 500,
  };
}

function namesField(text: string, expect: { in: string; name?: string; pointer?: string }): boolean {
  try {
    const errors = (JSON.parse(text).errors ?? []) as { in: string; name?: string; pointer?: string }[];
    return errors.some(
      (e) =>
        e.in === expect.in &&
        (expect.name === undefined || e.name === expect.name) &&
        (expect.pointer === undefined || (e.pointer ?? '').startsWith(expect.pointer)),
    );
  } catch {
    return false;
  }
}

function summarise(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  const text = typeof body === 'string' ? body : Buffer.from(body as Uint8Array).toString('latin1');
  return text.length > 200 ? `${text.slice(0, 120)}… (${text.length} bytes)` : text;
}

function zero(): ClassTally {
  return { sent: 0, failed: 0 };
}
