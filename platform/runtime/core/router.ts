/**
 * Matches a method and path against a context's route table. Built once per function; a
 * lookup walks one trie node per path segment (static segments before templated ones), so its
 * cost does not grow with the number of operations.
 * @module
 */
import type { RouteEntry } from './operation.ts';

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: RouteEntry; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

interface Node {
  readonly statics: Map<string, Node>;
  /** Segments such as `{name}.json`: a regex with the parameter names it captures. */
  readonly patterns: { regex: RegExp; names: string[]; node: Node }[];
  param?: { name: string; node: Node };
  readonly methods: Map<string, RouteEntry>;
}

export interface Router {
  match(method: string, path: string): RouteMatch;
  /** The route for an exact template, as API Gateway events name it (`resource`, `routeKey`). */
  byTemplate(method: string, template: string): RouteEntry | undefined;
}

/** @example createRouter(routes).match('GET', '/products/42') */
export function createRouter(routes: readonly RouteEntry[]): Router {
  const root = newNode();
  const templates = new Map<string, RouteEntry>();
  for (const route of routes) {
    let node = root;
    for (const segment of splitPath(route.path)) node = child(node, segment);
    node.methods.set(route.method, route);
    templates.set(`${route.method} ${route.path}`, route);
  }
  return {
    match(method, path) {
      const params: Record<string, string> = {};
      const node = walk(root, splitPath(path), 0, params);
      if (!node || node.methods.size === 0) return { kind: 'not-found' };
      const route = node.methods.get(method) ?? (method === 'HEAD' ? node.methods.get('GET') : undefined);
      if (route) return { kind: 'found', route, params };
      return { kind: 'method-not-allowed', allowed: [...node.methods.keys()].sort() };
    },
    byTemplate: (method, template) => templates.get(`${method} ${template}`),
  };
}

function newNode(): Node {
  return { statics: new Map(), patterns: [], methods: new Map() };
}

function child(node: Node, segment: string): Node {
  const whole = /^\{([^}]+)\}$/.exec(segment);
  if (whole) {
    node.param ??= { name: whole[1], node: newNode() };
    return node.param.node;
  }
  if (segment.includes('{')) {
    const source = segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, '([^/]+?)');
    const names = [...segment.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const existing = node.patterns.find((p) => p.regex.source === `^${source}$`);
    if (existing) return existing.node;
    const pattern = { regex: new RegExp(`^${source}$`), names, node: newNode() };
    node.patterns.push(pattern);
    return pattern.node;
  }
  let next = node.statics.get(segment);
  if (!next) node.statics.set(segment, (next = newNode()));
  return next;
}

function walk(
  node: Node,
  segments: string[],
  index: number,
  params: Record<string, string>,
): Node | undefined {
  if (index === segments.length) return node;
  const segment = segments[index];
  const fixed = node.statics.get(segment);
  if (fixed) {
    const found = walk(fixed, segments, index + 1, params);
    if (found && found.methods.size > 0) return found;
  }
  for (const pattern of node.patterns) {
    const m = pattern.regex.exec(segment);
    if (!m) continue;
    const found = walk(pattern.node, segments, index + 1, params);
    if (found && found.methods.size > 0) {
      pattern.names.forEach((name, i) => {
        params[name] = m[i + 1];
      });
      return found;
    }
  }
  if (node.param && segment !== '') {
    const found = walk(node.param.node, segments, index + 1, params);
    if (found && found.methods.size > 0) {
      params[node.param.name] = segment;
      return found;
    }
  }
  return undefined;
}

/** `/a/b/` and `/a/b` are the same resource; the leading slash is implied. */
function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}
