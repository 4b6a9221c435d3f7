/**
 * `handlers.gen.ts`: per operation a request type (decoded, typed parameters and body), a
 * response type (a union keyed by every declared status, each with its body and headers), a
 * handler type, and the `Handlers` map keyed by operationId. Built on openapi-typescript's
 * `paths` type so the two can never disagree.
 * @module
 */
import type { ContractModel, MediaModel, OperationModel, ResponseModel } from '../../model/model.ts';
import { pascalCase } from '../../model/names.ts';
import { doNotEditHeader, type GeneratedFile } from '../generated-file.ts';

/** @example const [file] = emitHandlers(model, 'generated/orders'); */
export function emitHandlers(model: ContractModel, outDir: string): GeneratedFile[] {
  const operations = [...model.operations].sort((a, b) => a.operationId.localeCompare(b.operationId));
  const blocks = operations.map(operationTypes);
  const handlersMap = operations
    .map((op) => `  readonly ${propertyKey(op.operationId)}: ${pascalCase(op.identifier)}Handler<D>;`)
    .join('\n');
  const ids = operations.map((op) => `  ${JSON.stringify(op.operationId)},`).join('\n');
  const contents = `${doNotEditHeader(model.sourceFile)}import type { HandlerRequestBase, HandlerReturn, ParametersIn } from '@charter/platform/runtime';
import type { paths } from './types.gen.ts';

${blocks.join('\n\n')}

/**
 * Every operation of ${model.title} ${model.version}, keyed by operationId. Declaring a handler map
 * as \`Handlers<Deps>\` makes a missing operation or an undeclared response a compile error.
 */
export interface Handlers<D = unknown> {
${handlersMap}
}

export type OperationId = keyof Handlers;

export const operationIds = [
${ids}
] as const satisfies readonly OperationId[];
`;
  return [{ path: `${outDir}/handlers.gen.ts`, contents }];
}

function operationTypes(op: OperationModel): string {
  const name = pascalCase(op.identifier);
  const ref = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
  const summary = op.summary ? ` ${op.summary.replaceAll('*/', '*\\/')}` : '';
  return `/** ${op.method.toUpperCase()} ${op.path}:${summary} */
export type ${name}Operation = ${ref};

export interface ${name}Request<D = unknown> extends HandlerRequestBase<D> {
  readonly path: ParametersIn<${name}Operation, 'path'>;
  readonly query: ParametersIn<${name}Operation, 'query'>;
  readonly headers: ParametersIn<${name}Operation, 'header'>;
  readonly cookies: ParametersIn<${name}Operation, 'cookie'>;
  readonly body: ${bodyType(op, name)};
}

export type ${name}Response =
${responseMembers(op, name)};

export type ${name}Handler<D = unknown> = (request: ${name}Request<D>) => HandlerReturn<${name}Response>;`;
}

function bodyType(op: OperationModel, name: string): string {
  const body = op.requestBody;
  if (!body || body.media.length === 0) return 'undefined';
  const content = `NonNullable<${name}Operation['requestBody']>['content']`;
  const union = body.media.map((m) => `${content}[${JSON.stringify(m.mediaType)}]`).join(' | ');
  return body.required ? union : `${union} | undefined`;
}

function responseMembers(op: OperationModel, name: string): string {
  const members = op.responses.flatMap((response) => responseMember(response, name));
  return members.length > 0 ? members.map((m) => `  | ${m}`).join('\n') : '  never';
}

function responseMember(response: ResponseModel, name: string): string[] {
  const statusKey = /^\d+$/.test(response.status) ? response.status : JSON.stringify(response.status);
  const status = /^\d+$/.test(response.status) ? response.status : 'number';
  const ref = `${name}Operation['responses'][${statusKey}]`;
  const headersRequired = response.headers.some((h) => h.required);
  const headers = `readonly headers${headersRequired ? '' : '?'}: ${ref}['headers']`;
  if (response.media.length === 0)
    return [`{ readonly status: ${status}; readonly body?: undefined; ${headers} }`];
  const single = response.media.length === 1;
  return response.media.map((media: MediaModel) => {
    const contentType = `readonly contentType${single ? '?' : ''}: ${JSON.stringify(media.mediaType)}`;
    const body = `readonly body: ${ref}['content'][${JSON.stringify(media.mediaType)}]`;
    return `{ readonly status: ${status}; ${body}; ${headers}; ${contentType} }`;
  });
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
