/**
 * Reads a bundled contract into the model. Every problem is collected with its pointer and a
 * fix; the caller decides whether errors stop generation.
 * @module
 */
import type { BundledContract } from '../parse/bundle-contract.ts';
import { findPatterns, hasNestedQuantifier } from './backtracking.ts';
import { derefLocal, pointerOf, segmentsOf } from './json-pointer.ts';
import type {
  ContractModel,
  MediaKind,
  MediaModel,
  OperationModel,
  ParameterLocation,
  ParameterModel,
  RequestBodyModel,
  ResponseModel,
  SecurityRequirementModel,
  SecuritySchemeModel,
} from './model.ts';
import { HTTP_METHODS } from './model.ts';
import { derivedOperationId, identifierOf } from './names.ts';
import { defaultExplode, defaultStyle, STYLES_BY_LOCATION, shapeOf } from './parameters.ts';
import { ProblemList } from './problems.ts';
import { buildValidationDocument } from './validation-document.ts';

type Json = Record<string, unknown>;

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

export interface BuiltModel {
  readonly model: ContractModel;
  readonly problems: ProblemList;
}

/** @example const { model, problems } = buildModel('orders', bundled, 'contracts/orders/openapi.yaml'); */
export function buildModel(context: string, bundled: BundledContract, shownFile: string): BuiltModel {
  const problems = new ProblemList(shownFile);
  const doc = bundled.document as Json;
  const openapiVersion = String(doc.openapi ?? '');
  if (!/^3\.[01]\./.test(openapiVersion)) {
    const what = doc.swagger ? `Swagger ${doc.swagger}` : `openapi: ${JSON.stringify(doc.openapi ?? null)}`;
    problems.error(
      '/openapi',
      `${what} is not supported; charter reads OpenAPI 3.0 and 3.1`,
      'convert the document to OpenAPI 3.1 (for Swagger 2.0, e.g. with swagger2openapi) and set `openapi: 3.1.0`',
    );
    // Reading a document of another version further would only add misleading problems.
    return { problems, model: emptyModel(context, shownFile, openapiVersion, doc) };
  }
  const info = (doc.info ?? {}) as Json;
  const securitySchemes = readSecuritySchemes(doc, problems);
  const schemeNames = new Set(securitySchemes.map((s) => s.name));
  const operations = readOperations(doc, problems, schemeNames);
  for (const { pointer, pattern } of findPatterns(doc)) {
    if (!hasNestedQuantifier(pattern)) continue;
    problems.warning(
      pointer,
      `pattern ${JSON.stringify(pattern)} nests quantifiers and can backtrack catastrophically on hostile input`,
      'rewrite it without a quantified group that contains a quantifier, or bound the string with maxLength',
    );
  }

  return {
    problems,
    model: {
      context,
      sourceFile: shownFile,
      openapiVersion,
      title: String(info.title ?? context),
      version: String(info.version ?? '0.0.0'),
      operations,
      securitySchemes,
      bundled: doc,
      validationDocument: buildValidationDocument(doc, openapiVersion),
    },
  };
}

function emptyModel(context: string, sourceFile: string, openapiVersion: string, doc: Json): ContractModel {
  return {
    context,
    sourceFile,
    openapiVersion,
    title: context,
    version: '0.0.0',
    operations: [],
    securitySchemes: [],
    bundled: doc,
    validationDocument: {},
  };
}

function readOperations(doc: Json, problems: ProblemList, schemeNames: Set<string>): OperationModel[] {
  const operations: OperationModel[] = [];
  const paths = (doc.paths ?? {}) as Json;
  const rootSecurity = doc.security;
  for (const path of Object.keys(paths)) {
    const itemPointer = pointerOf(['paths', path]);
    const item = derefLocal<Json>(doc, paths[path]);
    if (!item || typeof item !== 'object') {
      problems.error(itemPointer, 'the path item cannot be resolved', 'fix its $ref');
      continue;
    }
    if (!path.startsWith('/')) {
      problems.error(itemPointer, `path "${path}" does not start with "/"`, `write it as "/${path}"`);
      continue;
    }
    for (const method of HTTP_METHODS) {
      if (item[method] === undefined) continue;
      const pointer = `${itemPointer}/${method}`;
      const operation = derefLocal<Json>(doc, item[method]);
      if (!operation || typeof operation !== 'object') {
        problems.error(pointer, 'the operation cannot be resolved', 'fix its $ref');
        continue;
      }
      const declaredId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
      const operationId = declaredId ?? derivedOperationId(method, path);
      if (!declaredId) {
        problems.warning(
          pointer,
          `${method.toUpperCase()} ${path} has no operationId; using "${operationId}"`,
          `add \`operationId: ${operationId}\` so handler names stay stable when the path changes`,
        );
      }
      const security = (operation.security ?? rootSecurity ?? []) as SecurityRequirementModel;
      checkSecurity(security, schemeNames, pointer, problems);
      operations.push({
        operationId,
        identifier: identifierOf(operationId),
        derivedId: !declaredId,
        method,
        path,
        summary: typeof operation.summary === 'string' ? operation.summary : undefined,
        tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
        deprecated: operation.deprecated === true,
        parameters: readParameters(doc, item, operation, path, pointer, itemPointer, problems),
        requestBody: readRequestBody(doc, operation.requestBody, `${pointer}/requestBody`, problems),
        responses: readResponses(doc, operation.responses, `${pointer}/responses`, problems),
        security,
        pointer,
        functionName:
          typeof operation['x-charter-function'] === 'string' ? operation['x-charter-function'] : undefined,
      });
    }
  }
  assignUniqueNames(operations, problems);
  return operations;
}

function assignUniqueNames(operations: OperationModel[], problems: ProblemList): void {
  const byId = new Map<string, OperationModel>();
  const identifiers = new Map<string, number>();
  for (const [index, operation] of operations.entries()) {
    const previous = byId.get(operation.operationId);
    if (previous) {
      problems.error(
        `${operation.pointer}/operationId`,
        `operationId "${operation.operationId}" is also used by ${previous.method.toUpperCase()} ${previous.path}`,
        'give every operation its own operationId',
      );
    }
    byId.set(operation.operationId, operation);
    // Two ids can sanitise to one identifier ("a-b" and "a_b"); number the later ones.
    const seen = identifiers.get(operation.identifier.toLowerCase()) ?? 0;
    identifiers.set(operation.identifier.toLowerCase(), seen + 1);
    if (seen > 0) operations[index] = { ...operation, identifier: `${operation.identifier}${seen + 1}` };
  }
}

function checkSecurity(
  security: SecurityRequirementModel,
  schemeNames: Set<string>,
  pointer: string,
  problems: ProblemList,
): void {
  if (!Array.isArray(security)) {
    problems.error(`${pointer}/security`, 'security must be a list of requirements', 'write `security: []`');
    return;
  }
  for (const requirement of security) {
    for (const name of Object.keys(requirement ?? {})) {
      if (!schemeNames.has(name)) {
        problems.error(
          `${pointer}/security`,
          `security scheme "${name}" is not declared`,
          `declare it under components.securitySchemes, or use one of: ${[...schemeNames].join(', ') || '(none declared)'}`,
        );
      }
    }
  }
}

function readParameters(
  doc: Json,
  item: Json,
  operation: Json,
  path: string,
  pointer: string,
  itemPointer: string,
  problems: ProblemList,
): ParameterModel[] {
  const merged = new Map<string, ParameterModel>();
  const lists: [unknown, string][] = [
    [item.parameters, `${itemPointer}/parameters`],
    [operation.parameters, `${pointer}/parameters`],
  ];
  for (const [list, listPointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const parameter = readParameter(doc, raw, `${listPointer}/${index}`, problems);
      // Operation-level parameters override path-level ones with the same name and location.
      if (parameter) merged.set(`${parameter.in}:${parameter.name.toLowerCase()}`, parameter);
    });
  }
  const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const name of templateNames) {
    if (!merged.has(`path:${name.toLowerCase()}`)) {
      problems.error(
        pointer,
        `path parameter "{${name}}" of ${path} is not declared`,
        `add { name: ${name}, in: path, required: true, schema: { type: string } } to parameters`,
      );
    }
  }
  return [...merged.values()].filter((p) => p.in !== 'path' || templateNames.includes(p.name));
}

function readParameter(
  doc: Json,
  raw: unknown,
  pointer: string,
  problems: ProblemList,
): ParameterModel | undefined {
  const p = derefLocal<Json>(doc, raw);
  if (!p || typeof p.name !== 'string' || !LOCATIONS.includes(p.in as ParameterLocation)) {
    problems.error(
      pointer,
      'a parameter needs a name and `in` (path, query, header or cookie)',
      'fix the parameter',
    );
    return undefined;
  }
  const location = p.in as ParameterLocation;
  const style = typeof p.style === 'string' ? p.style : defaultStyle(location);
  if (!STYLES_BY_LOCATION[location].includes(style)) {
    problems.error(
      `${pointer}/style`,
      `style "${style}" is not allowed for ${location} parameter "${p.name}"`,
      `use one of: ${STYLES_BY_LOCATION[location].join(', ')}`,
    );
  }
  const content = p.content as Json | undefined;
  const contentEntry = content ? Object.entries(content)[0] : undefined;
  const schema = (contentEntry ? (contentEntry[1] as Json)?.schema : p.schema) ?? {};
  return {
    name: p.name,
    in: location,
    required: location === 'path' ? true : p.required === true,
    style,
    explode: typeof p.explode === 'boolean' ? p.explode : defaultExplode(style),
    shape: shapeOf(doc, schema),
    json: contentEntry !== undefined && /json/i.test(contentEntry[0]),
    schema: schema as ParameterModel['schema'],
    pointer,
  };
}

function readRequestBody(
  doc: Json,
  raw: unknown,
  pointer: string,
  problems: ProblemList,
): RequestBodyModel | undefined {
  if (raw === undefined) return undefined;
  const body = derefLocal<Json>(doc, raw);
  if (!body) {
    problems.error(pointer, 'the request body cannot be resolved', 'fix its $ref');
    return undefined;
  }
  return { required: body.required === true, media: readMedia(body.content, `${pointer}/content`) };
}

function readResponses(doc: Json, raw: unknown, pointer: string, problems: ProblemList): ResponseModel[] {
  if (!raw || typeof raw !== 'object') {
    // OpenAPI 3.1 lets an operation omit responses; its handler then has nothing it may return.
    problems.warning(pointer, 'the operation declares no responses', 'declare at least its success response');
    return [];
  }
  const responses: ResponseModel[] = [];
  for (const [status, value] of Object.entries(raw as Json)) {
    if (status.startsWith('x-')) continue;
    const statusPointer = pointerOf([...segmentsOf(pointer), status]);
    if (!/^([1-5][0-9]{2}|[1-5]XX|default)$/i.test(status)) {
      problems.error(
        statusPointer,
        `"${status}" is not a status code`,
        'use a code such as 200, a range such as 4XX, or default',
      );
      continue;
    }
    const response = derefLocal<Json>(doc, value);
    if (!response) {
      problems.error(statusPointer, 'the response cannot be resolved', 'fix its $ref');
      continue;
    }
    const headers = Object.entries((response.headers ?? {}) as Json)
      .filter(([name]) => name.toLowerCase() !== 'content-type')
      .map(([name, header]) => ({ name, required: derefLocal<Json>(doc, header)?.required === true }));
    responses.push({
      status: status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(),
      media: readMedia(response.content, `${statusPointer}/content`),
      headers,
      pointer: statusPointer,
    });
  }
  return responses;
}

function readMedia(content: unknown, pointer: string): MediaModel[] {
  if (!content || typeof content !== 'object') return [];
  return Object.entries(content as Json).map(([mediaType, media]) => ({
    mediaType,
    kind: mediaKindOf(mediaType),
    schema: (media as Json | undefined)?.schema as MediaModel['schema'],
    pointer: pointerOf([...segmentsOf(pointer), mediaType]),
  }));
}

/** @example mediaKindOf('application/problem+json') // 'json' */
export function mediaKindOf(mediaType: string): MediaKind {
  const type = mediaType.split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json') || type === '*/*') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/')) return 'text';
  return 'binary';
}

function readSecuritySchemes(doc: Json, problems: ProblemList): SecuritySchemeModel[] {
  const schemes = ((doc.components as Json | undefined)?.securitySchemes ?? {}) as Json;
  const out: SecuritySchemeModel[] = [];
  for (const [name, raw] of Object.entries(schemes)) {
    const scheme = derefLocal<Json>(doc, raw);
    const pointer = pointerOf(['components', 'securitySchemes', name]);
    const type = scheme?.type;
    if (
      type !== 'http' &&
      type !== 'apiKey' &&
      type !== 'oauth2' &&
      type !== 'openIdConnect' &&
      type !== 'mutualTLS'
    ) {
      problems.error(
        pointer,
        `security scheme "${name}" has no valid type`,
        'use http, apiKey, oauth2, openIdConnect or mutualTLS',
      );
      continue;
    }
    out.push({
      name,
      type,
      scheme: typeof scheme?.scheme === 'string' ? scheme.scheme.toLowerCase() : undefined,
      in: scheme?.in as SecuritySchemeModel['in'],
      parameterName: typeof scheme?.name === 'string' ? scheme.name : undefined,
    });
  }
  return out;
}
