/**
 * Walks two schemas side by side and collects what changed. Results are memoised per
 * (base node, head node, direction) and linked into a graph, so a component used by hundreds
 * of operations is compared once, and recursive schemas (Stripe's expandable fields) end
 * instead of looping.
 * @module
 */

import type { Level } from '../change.ts';
import type { ContractDocument, Json, Located } from '../document/contract-document.ts';
import { keywordOf, keywordPointer, type ResolvedSchema, SchemaResolver } from './resolve-schema.ts';
import { arrayRules } from './rules/arrays.ts';
import { compareCompositions } from './rules/compositions.ts';
import { logicRules } from './rules/logic.ts';
import { numberRules } from './rules/numbers.ts';
import { objectRules } from './rules/objects.ts';
import { sizeRules } from './rules/sizes.ts';
import { stringRules } from './rules/strings.ts';
import { typeRules } from './rules/types.ts';
import { valueRules } from './rules/values.ts';
import {
  type Direction,
  type Effect,
  levelFor,
  type RuleContext,
  type SchemaFinding,
  type SchemaRule,
} from './schema-rule.ts';

const RULES: readonly SchemaRule[] = [
  ...typeRules,
  ...valueRules,
  ...numberRules,
  ...sizeRules,
  ...stringRules,
  ...objectRules,
  ...arrayRules,
  ...logicRules,
];

interface NodeResult {
  readonly findings: SchemaFinding[];
  readonly edges: { readonly segment: string; readonly child: number }[];
  readonly parents: number[];
  /** Whether this node or anything below it holds a finding; clean subgraphs are skipped. */
  dirty: boolean;
  /** The collect run that last visited this node, and how it got there (for the path). */
  stamp: number;
  from: number;
  segment: string;
}

/** A finding with the path that led to it, e.g. `lines[].quantity`. */
export interface PathedFinding extends SchemaFinding {
  readonly path: string;
}

/**
 * Compares schemas of one base and one head contract, remembering every pair it has seen.
 * @example
 * const comparer = new SchemaComparer(baseDoc, headDoc, new Date());
 * comparer.findings(baseMedia, headMedia, 'request');
 */
export class SchemaComparer {
  readonly base: SchemaResolver;
  readonly head: SchemaResolver;
  // Nodes are numbered so walking the result graph (once per operation) hashes no strings.
  private readonly results: NodeResult[] = [];
  private readonly index = new Map<string, number>();
  private readonly collected = new Map<number, PathedFinding[]>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  private run = 0;

  /** @param now what "today" is for sunset dates */
  constructor(
    baseDoc: ContractDocument,
    headDoc: ContractDocument,
    readonly now: Date,
  ) {
    this.base = new SchemaResolver(baseDoc);
    this.head = new SchemaResolver(headDoc);
  }

  /**
   * Compares two schemas and returns everything that changed beneath them.
   * @example comparer.findings(baseSchema, headSchema, 'request')
   */
  findings(base: Located, head: Located, direction: Direction): PathedFinding[] {
    return this.collect(this.compare(base, head, direction));
  }

  private compare(baseLocated: Located, headLocated: Located, direction: Direction): number {
    const base = this.base.resolve(baseLocated);
    const head = this.head.resolve(headLocated);
    const key = `${this.idOf(base.node)}|${this.idOf(head.node)}|${direction}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const node = this.results.length;
    const result: NodeResult = {
      findings: [],
      edges: [],
      parents: [],
      dirty: false,
      stamp: 0,
      from: -1,
      segment: '',
    };
    this.results.push(result);
    this.index.set(key, node);
    const ctx = new Context(this, node, base, head, direction, result);
    // A union on either side is compared branch by branch; its other keywords only when both are unions.
    if (!compareCompositions(ctx) || (isUnion(ctx.b) && isUnion(ctx.h))) {
      for (const rule of RULES) rule(ctx);
    }
    return node;
  }

  /** Breadth first, so each finding is shown with the shortest path that reaches it. */
  private collect(root: number): PathedFinding[] {
    const cached = this.collected.get(root);
    if (cached) return cached;
    const out: PathedFinding[] = [];
    if (!this.results[root].dirty) return out;
    const stamp = ++this.run;
    const reported = new Set<string>();
    const queue = [root];
    this.results[root].stamp = stamp;
    this.results[root].from = -1;
    for (let i = 0; i < queue.length; i++) {
      const result = this.results[queue[i]];
      if (result.findings.length > 0) {
        const path = this.pathTo(queue[i]);
        for (const finding of result.findings) {
          const id = `${finding.what}|${finding.pointer}|${finding.message}`;
          if (reported.has(id)) continue;
          reported.add(id);
          out.push({ ...finding, path });
        }
      }
      for (const edge of result.edges) {
        const child = this.results[edge.child];
        if (child.stamp === stamp || !child.dirty) continue;
        child.stamp = stamp;
        child.from = queue[i];
        child.segment = edge.segment;
        queue.push(edge.child);
      }
    }
    this.collected.set(root, out);
    return out;
  }

  /** The path of the current collect run to a node, built only for nodes that hold findings. */
  private pathTo(node: number): string {
    const segments: string[] = [];
    for (let at = node; this.results[at].from !== -1; at = this.results[at].from)
      segments.push(this.results[at].segment);
    let path = '';
    for (let i = segments.length - 1; i >= 0; i--) path = joinPath(path, segments[i]);
    return path;
  }

  /** @internal Called by rule contexts when a child comparison hangs below `parent`. */
  link(parent: number, child: number): void {
    this.results[child].parents.push(parent);
    if (this.results[child].dirty) this.markDirty(parent);
  }

  /** @internal */
  compareChild(base: Located, head: Located, direction: Direction): number {
    return this.compare(base, head, direction);
  }

  /** @internal Marks a node and everything above it as holding a finding. */
  markDirty(node: number): void {
    const pending = [node];
    while (pending.length > 0) {
      const result = this.results[pending.pop()!];
      if (result.dirty) continue;
      result.dirty = true;
      for (const parent of result.parents) pending.push(parent);
    }
  }

  private idOf(node: Json | boolean): string {
    if (typeof node === 'boolean') return String(node);
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = this.nextId++));
    return String(id);
  }
}

/** One comparison's view for the rules; a class, so its methods are not re-created per node. */
class Context implements RuleContext {
  readonly b: Json;
  readonly h: Json;
  readonly baseDoc: ContractDocument;
  readonly headDoc: ContractDocument;
  readonly now: Date;

  constructor(
    private readonly comparer: SchemaComparer,
    private readonly node: number,
    readonly base: ResolvedSchema,
    readonly head: ResolvedSchema,
    readonly direction: Direction,
    private readonly result: NodeResult,
  ) {
    this.b = asObject(base.node);
    this.h = asObject(head.node);
    this.baseDoc = comparer.base.doc;
    this.headDoc = comparer.head.doc;
    this.now = comparer.now;
  }

  effect(what: string, effect: Effect, message: string, keyword: string): void {
    // Point at the keyword where it is written: in the head, or in the base when it was removed.
    const where = keyword in this.h || !(keyword in this.b) ? this.head : this.base;
    this.comparer.markDirty(this.node);
    this.result.findings.push({
      what,
      level: levelFor(this.direction, effect),
      message,
      pointer: keywordPointer(where, keyword),
      addition: effect === 'widened' && this.direction === 'request',
    });
  }

  report(
    what: string,
    level: Level,
    message: string,
    pointer: string,
    addition = false,
    sunset?: Date | null,
  ): void {
    this.comparer.markDirty(this.node);
    this.result.findings.push({
      what,
      level,
      message,
      pointer,
      addition,
      ...(sunset !== undefined && { sunset }),
    });
  }

  child(segment: string, base: Located, head: Located): void {
    const child = this.comparer.compareChild(base, head, this.direction);
    this.result.edges.push({ segment, child });
    this.comparer.link(this.node, child);
  }

  at(side: 'base' | 'head', ...path: (string | number)[]): Located {
    return side === 'base'
      ? keywordOf(this.baseDoc, this.base, ...path)
      : keywordOf(this.headDoc, this.head, ...path);
  }
}

function asObject(node: Json | boolean): Json {
  if (node === true) return {};
  if (node === false) return { not: {} };
  return node;
}

/** @example isUnion({ oneOf: [] }) // true */
export function isUnion(node: Json): boolean {
  return Array.isArray(node.anyOf) || Array.isArray(node.oneOf);
}

function joinPath(path: string, segment: string): string {
  if (path === '') return segment.startsWith('.') ? segment.slice(1) : segment;
  return path + segment;
}
