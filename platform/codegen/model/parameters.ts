/**
 * Parameter defaults from the OpenAPI specification (style, explode) and the decoded shape a
 * parameter's schema asks for.
 * @module
 */
import { derefLocal } from './json-pointer.ts';
import type { ParameterLocation, ParameterShape } from './model.ts';

const DEFAULT_STYLE: Record<ParameterLocation, string> = {
  path: 'simple',
  query: 'form',
  header: 'simple',
  cookie: 'form',
};

export const STYLES_BY_LOCATION: Record<ParameterLocation, readonly string[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

export function defaultStyle(location: ParameterLocation): string {
  return DEFAULT_STYLE[location];
}

/** `form` explodes by default; every other style does not (OpenAPI 3.1 §4.8.12.4). */
export function defaultExplode(style: string): boolean {
  return style === 'form';
}

/** @example shapeOf(doc, { type: ['array', 'null'], items: {} }) // 'array' */
export function shapeOf(document: unknown, schema: unknown, depth = 0): ParameterShape {
  const resolved = derefLocal<Record<string, unknown>>(document, schema);
  if (!resolved || typeof resolved !== 'object' || depth > 8) return 'primitive';
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (types.includes('array')) return 'array';
  if (types.includes('object') || resolved.properties !== undefined) return 'object';
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const branches = resolved[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const shape = shapeOf(document, branch, depth + 1);
      if (shape !== 'primitive') return shape;
    }
  }
  return 'primitive';
}
