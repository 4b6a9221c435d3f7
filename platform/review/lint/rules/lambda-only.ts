/**
 * `charter/lambda-only`: API Gateway validates requests against JSON Schema draft-4 models and
 * checks only that required parameters are present. Whatever else a contract asks of a
 * request is still enforced — by the function, after the gateway let the request in. This rule
 * says where that is, so nobody counts on the gateway to reject such requests (and pay for the
 * invocation) by surprise.
 * @module
 */
import type { Location, Oas3Rule, UserContext } from '@redocly/openapi-core';

/** Keywords draft 4 has no way to say, even translated. */
const NOT_IN_DRAFT_4: Readonly<Record<string, string>> = {
  format: 'API Gateway does not enforce `format`',
  if: '`if`/`then`/`else` is not in draft 4',
  unevaluatedProperties: '`unevaluatedProperties` is not in draft 4',
  unevaluatedItems: '`unevaluatedItems` is not in draft 4',
  contains: '`contains` is not in draft 4',
  minContains: '`minContains` is not in draft 4',
  maxContains: '`maxContains` is not in draft 4',
  propertyNames: '`propertyNames` is not in draft 4',
  contentEncoding: '`contentEncoding` is not in draft 4',
  contentMediaType: '`contentMediaType` is not in draft 4',
  contentSchema: '`contentSchema` is not in draft 4',
};
/** What a parameter schema can say beyond "a string is present". */
const PARAMETER_CONSTRAINTS = [
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'items',
  'properties',
];
const SUB_SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];
const SUB_SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUB_SCHEMAS = [
  'items',
  'additionalProperties',
  'not',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** @example charterPlugin.rules.oas3['charter/lambda-only'] === lambdaOnly */
export const lambdaOnly: Oas3Rule = () => {
  const reported = new Set<string>();
  let pathParameters: { node: unknown; location: Location }[] = [];

  const resolve = (
    node: unknown,
    location: Location,
    ctx: UserContext,
  ): { node: unknown; location: Location } => {
    let current = { node, location };
    for (let hops = 0; hops < 16 && isObject(current.node) && typeof current.node.$ref === 'string'; hops++) {
      const target = ctx.resolve(current.node, current.location.source.absoluteRef);
      if (!target.location) break;
      current = { node: target.node, location: target.location };
    }
    return current;
  };

  const once = (location: Location, report: () => void) => {
    if (reported.has(location.absolutePointer)) return;
    reported.add(location.absolutePointer);
    report();
  };

  const walkSchema = (raw: unknown, rawLocation: Location, ctx: UserContext, depth: number): void => {
    const { node, location } = resolve(raw, rawLocation, ctx);
    if (!isObject(node) || depth > 32 || reported.has(`walked:${location.absolutePointer}`)) return;
    reported.add(`walked:${location.absolutePointer}`);
    for (const [keyword, why] of Object.entries(NOT_IN_DRAFT_4)) {
      if (node[keyword] === undefined) continue;
      once(location.child([keyword]), () =>
        ctx.report({
          message: `Validated in Lambda only: ${why}; requests that break it pass API Gateway and are refused by the function.`,
          location: location.child([keyword]).key(),
        }),
      );
    }
    for (const keyword of SUB_SCHEMA_MAPS) {
      if (isObject(node[keyword]))
        for (const key of Object.keys(node[keyword]))
          walkSchema(node[keyword][key], location.child([keyword, key]), ctx, depth + 1);
    }
    for (const keyword of SUB_SCHEMA_LISTS) {
      const list = node[keyword];
      if (Array.isArray(list))
        list.forEach((item, i) => {
          walkSchema(item, location.child([keyword, i]), ctx, depth + 1);
        });
    }
    for (const keyword of SUB_SCHEMAS)
      if (isObject(node[keyword])) walkSchema(node[keyword], location.child([keyword]), ctx, depth + 1);
  };

  const checkParameter = (raw: unknown, rawLocation: Location, ctx: UserContext): void => {
    const { node, location } = resolve(raw, rawLocation, ctx);
    if (!isObject(node)) return;
    const schema = resolve(node.schema, location.child(['schema']), ctx);
    if (!isObject(schema.node)) return;
    const constraints = PARAMETER_CONSTRAINTS.filter(
      (k) =>
        schema.node &&
        (schema.node as Json)[k] !== undefined &&
        !(k === 'type' && (schema.node as Json).type === 'string'),
    );
    if (constraints.length === 0) return;
    once(location, () =>
      ctx.report({
        message: `Validated in Lambda only: API Gateway checks only that required parameters are present, not the ${constraints.join(', ')} of ${node.in} parameter \`${String(node.name)}\`.`,
        location: location.child(['schema']).key(),
      }),
    );
  };

  return {
    PathItem: {
      enter(node, ctx) {
        const pathItem = node as unknown as Json;
        pathParameters = Array.isArray(pathItem.parameters)
          ? pathItem.parameters.map((node, i) => ({ node, location: ctx.location.child(['parameters', i]) }))
          : [];
      },
      Operation(node, ctx) {
        const operation = node as unknown as Json;
        if (!ctx.location.pointer.startsWith('#/paths/')) return;
        for (const p of pathParameters) checkParameter(p.node, p.location, ctx);
        if (Array.isArray(operation.parameters)) {
          operation.parameters.forEach((p, i) => {
            checkParameter(p, ctx.location.child(['parameters', i]), ctx);
          });
        }
        const body = resolve(operation.requestBody, ctx.location.child(['requestBody']), ctx);
        if (!isObject(body.node) || !isObject(body.node.content)) return;
        for (const [mediaType, media] of Object.entries(body.node.content)) {
          if (isObject(media))
            walkSchema(media.schema, body.location.child(['content', mediaType, 'schema']), ctx, 0);
        }
      },
    },
  };
};
