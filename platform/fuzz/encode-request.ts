/**
 * Turns generated parameter values and a body into an HTTP request, encoding each parameter
 * per its `style` and `explode` — the inverse of the runtime's decoder.
 * @module
 */
import type { OperationModel, ParameterModel } from '../codegen/model/model.ts';

export interface RequestValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  cookie: Record<string, unknown>;
  body?: unknown;
}

export interface HttpRequest {
  readonly method: string;
  /** Path and query, to append to the context's base URL. */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** @example encodeRequest(operation, { path: { id: 5 }, query: {}, header: {}, cookie: {} }, 'application/json') */
export function encodeRequest(
  operation: OperationModel,
  values: RequestValues,
  bodyMediaType?: string,
): HttpRequest {
  const byName = (location: string) => operation.parameters.filter((p) => p.in === location);
  let path = operation.path;
  for (const parameter of byName('path')) {
    const value = values.path[parameter.name];
    path = path.replace(`{${parameter.name}}`, value === undefined ? '' : encodePathValue(parameter, value));
  }
  const query: string[] = [];
  for (const parameter of byName('query')) {
    const value = values.query[parameter.name];
    if (value !== undefined) query.push(...encodeQueryValue(parameter, value));
  }
  const headers: Record<string, string> = {};
  for (const parameter of byName('header')) {
    const value = values.header[parameter.name];
    if (value !== undefined) headers[parameter.name.toLowerCase()] = joinSimple(value, parameter.explode);
  }
  const cookies = byName('cookie')
    .filter((p) => values.cookie[p.name] !== undefined)
    .map((p) => `${p.name}=${encodeURIComponent(joinSimple(values.cookie[p.name], false))}`);
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  let body: string | undefined;
  if (values.body !== undefined && bodyMediaType) {
    headers['content-type'] = bodyMediaType;
    body = JSON.stringify(values.body);
  }
  return {
    method: operation.method.toUpperCase(),
    target: query.length > 0 ? `${path}?${query.join('&')}` : path,
    headers,
    body,
  };
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function joinSimple(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => (explode ? `${k}=${scalar(v)}` : `${k},${scalar(v)}`))
      .join(',');
  }
  return scalar(value);
}

function encodePathValue(parameter: ParameterModel, value: unknown): string {
  const e = encodeURIComponent;
  if (parameter.json) return e(JSON.stringify(value));
  const parts = Array.isArray(value) ? value.map((v) => e(scalar(v))) : undefined;
  if (parameter.style === 'label') {
    if (parts) return `.${parts.join(parameter.explode ? '.' : ',')}`;
    return `.${e(scalar(value))}`;
  }
  if (parameter.style === 'matrix') {
    if (parts)
      return parameter.explode
        ? parts.map((p) => `;${parameter.name}=${p}`).join('')
        : `;${parameter.name}=${parts.join(',')}`;
    return `;${parameter.name}=${e(scalar(value))}`;
  }
  if (parts) return parts.join(',');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => (parameter.explode ? `${e(k)}=${e(scalar(v))}` : `${e(k)},${e(scalar(v))}`))
      .join(',');
  }
  return e(scalar(value));
}

function encodeQueryValue(parameter: ParameterModel, value: unknown): string[] {
  const e = encodeURIComponent;
  const name = e(parameter.name);
  if (parameter.json) return [`${name}=${e(JSON.stringify(value))}`];
  if (parameter.style === 'deepObject' && value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${name}[${e(k)}]=${e(scalar(v))}`);
  }
  if (Array.isArray(value)) {
    if (parameter.explode) return value.map((v) => `${name}=${e(scalar(v))}`);
    const separator =
      parameter.style === 'spaceDelimited' ? '%20' : parameter.style === 'pipeDelimited' ? '|' : ',';
    return [`${name}=${value.map((v) => e(scalar(v))).join(separator)}`];
  }
  if (value && typeof value === 'object') {
    if (parameter.explode) return Object.entries(value).map(([k, v]) => `${e(k)}=${e(scalar(v))}`);
    return [
      `${name}=${Object.entries(value)
        .map(([k, v]) => `${e(k)},${e(scalar(v))}`)
        .join(',')}`,
    ];
  }
  return [`${name}=${e(scalar(value))}`];
}
