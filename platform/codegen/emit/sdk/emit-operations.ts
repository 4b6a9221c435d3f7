/**
 * `src/operations.gen.ts`: one exported function per operation, each carrying only its own
 * metadata, so a bundler keeps just the operations an application calls.
 * @module
 */
import type { ContractModel, OperationModel } from '../../model/model.ts';
import { exampleInit } from './example-values.ts';
import { errorMembers, specLiteral } from './operation-spec.ts';
import { clientVariable, contextTypeName, operationNames } from './sdk-names.ts';
import { tsLiteral } from './ts-literal.ts';

/** @example const source = operationsSource(model); */
export function operationsSource(model: ContractModel): string {
  const client = `${contextTypeName(model.context)}Client`;
  const operations = [...model.operations].sort((a, b) => a.operationId.localeCompare(b.operationId));
  return `import type { ${client} } from './client.gen.js';
import { call } from './runtime/call.gen.js';
import type {
  ClientErrorStatus,
  ErrorStatus,
  InitArgs,
  Outcome,
  ProblemOf,
  ServerErrorStatus,
  UndeclaredProblem,
} from './runtime/types.gen.js';
import type { paths } from './types.gen.js';

${operations.map((op) => operationBlock(model, op, client)).join('\n\n')}
`;
}

function operationBlock(model: ContractModel, op: OperationModel, client: string): string {
  const names = operationNames(op);
  const ref = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
  const members = errorMembers(
    op.responses.map((r) => r.status),
    names.operation,
  );
  return `/** \`${op.method.toUpperCase()} ${op.path}\` as openapi-typescript types it. */
export type ${names.operation} = ${ref};

/** What \`error\` can be for ${names.fn}, by status. */
export type ${names.error} =
${members.map((m) => `  | ${m}`).join('\n')};

${docComment(model, op, names.fn)}
export function ${names.fn}(
  client: ${client},
  ...[init]: InitArgs<${names.operation}>
): Promise<Outcome<${names.operation}, ${names.error}>> {
  return call(client, ${specLiteral(op)}, init);
}`;
}

function docComment(model: ContractModel, op: OperationModel, fn: string): string {
  const lines = [
    `${op.summary ?? op.operationId}: \`${op.method.toUpperCase()} ${op.path}\`, ${securityText(op)}.`,
  ];
  if (op.deprecated) lines.push('', '@deprecated The contract marks this operation as deprecated.');
  lines.push('@example', ...exampleCall(model, op, fn).split('\n'));
  return `/**\n${lines.map((l) => ` *${l ? ` ${l.replaceAll('*/', '*\\/')}` : ''}`).join('\n')}\n */`;
}

/** How the operation is authorised, in words. @example securityText(createProduct) // 'needs bearerAuth (catalog:write)' */
export function securityText(op: OperationModel): string {
  if (op.security.length === 0) return 'public';
  const alternatives = op.security.map((alternative) =>
    Object.entries(alternative)
      .map(([scheme, scopes]) => (scopes.length > 0 ? `${scheme} (${scopes.join(', ')})` : scheme))
      .join(' + '),
  );
  const text = alternatives.map((a) => a || 'no credentials').join(' or ');
  return `needs ${text}`;
}

/**
 * One example call of the operation, as README and JSDoc show it.
 * @example exampleCall(model, getProduct, 'getProduct')
 * // "const { data, error } = await getProduct(catalog, { params: { path: { productId: '…' } } });"
 */
export function exampleCall(
  model: ContractModel,
  op: OperationModel,
  fn: string,
  extra: Record<string, unknown> = {},
): string {
  const init = { ...exampleInit(model, op), ...extra };
  const client = clientVariable(model);
  const args = Object.keys(init).length > 0 ? `${client}, ${tsLiteral(init)}` : client;
  return `const { data, error } = await ${fn}(${args});`;
}
