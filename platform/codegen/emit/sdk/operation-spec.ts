/**
 * What each generated operation function needs at run time (method, path, security, the
 * Idempotency-Key header, query styles) and at compile time (its error type, by status).
 * @module
 */
import type { OperationModel, ParameterModel } from '../../model/model.ts';
import { tsLiteral } from './ts-literal.ts';

/**
 * The `OperationSpec` object literal passed to the runtime's `call`.
 * @example specLiteral(getProduct) // "{ method: 'GET', path: '/products/{productId}', security: [] }"
 */
export function specLiteral(op: OperationModel): string {
  const spec: Record<string, unknown> = {
    method: op.method.toUpperCase(),
    path: op.path,
    security: op.security.map((alternative) => Object.keys(alternative)),
  };
  const key = idempotencyHeader(op);
  if (key) spec.idempotencyKey = key;
  const query = queryStyles(op.parameters);
  if (query) spec.query = query;
  return tsLiteral(spec, '  ');
}

/**
 * The operation's Idempotency-Key header parameter, spelled as the contract spells it.
 * @example idempotencyHeader(placeOrder) // 'Idempotency-Key'
 */
export function idempotencyHeader(op: OperationModel): string | undefined {
  return op.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')?.name;
}

/**
 * Query parameters whose style openapi-fetch would not write by default (it writes arrays as
 * exploded `form`, objects as exploded `deepObject`).
 */
function queryStyles(parameters: readonly ParameterModel[]): Record<string, [string, boolean]> | undefined {
  const styles: Record<string, [string, boolean]> = {};
  for (const p of parameters) {
    if (p.in !== 'query' || p.json || p.shape === 'primitive') continue;
    const standard = p.shape === 'array' ? p.style === 'form' : p.style === 'deepObject';
    if (!standard || !p.explode) styles[p.name] = [p.style, p.explode];
  }
  return Object.keys(styles).length > 0 ? styles : undefined;
}

/**
 * The members of an operation's error type: the declared problem of each error status with
 * `status` narrowed to it, ranges (`4XX`) and `default` with the statuses they stand for, and
 * an `UndeclaredProblem` for every status the contract does not cover.
 * @param op the operation type's name in the generated file
 * @example errorMembers(['200', '404'], 'GetProductOperation')
 * // ['ProblemOf<GetProductOperation, 404>', 'UndeclaredProblem<Exclude<ErrorStatus, 404>>']
 */
export function errorMembers(statuses: readonly string[], op: string): string[] {
  const explicit = statuses.filter((s) => /^[45]\d\d$/.test(s)).sort();
  const range = (digit: '4' | '5') => statuses.includes(`${digit}XX`);
  const members = explicit.map((s) => `ProblemOf<${op}, ${s}>`);
  const covered = [...explicit];
  if (range('4')) {
    members.push(
      `ProblemOf<${op}, '4XX', ${except(
        'ClientErrorStatus',
        explicit.filter((s) => s[0] === '4'),
      )}>`,
    );
    covered.push('ClientErrorStatus');
  }
  if (range('5')) {
    members.push(
      `ProblemOf<${op}, '5XX', ${except(
        'ServerErrorStatus',
        explicit.filter((s) => s[0] === '5'),
      )}>`,
    );
    covered.push('ServerErrorStatus');
  }
  if (statuses.includes('default'))
    members.push(`ProblemOf<${op}, 'default', ${except('ErrorStatus', covered)}>`);
  else if (!(range('4') && range('5'))) members.push(`UndeclaredProblem<${except('ErrorStatus', covered)}>`);
  return members;
}

function except(all: string, covered: readonly string[]): string {
  return covered.length > 0 ? `Exclude<${all}, ${covered.join(' | ')}>` : all;
}
