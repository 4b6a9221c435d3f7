/**
 * `charter new <ctx> --from <source>`: copies the source context's contract files (a split
 * contract's too) into `contracts/<ctx>/` and renames what identifies the context — operationIds
 * (and the links that name them), tags, the title, security scopes and the local server URL —
 * and marks every operation `x-charter-unimplemented`, since the new context has no handlers yet.
 * Files outside `contracts/<source>/` stay shared and are referenced, not copied.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { HTTP_METHODS } from '../codegen/model/model.ts';
import { bundleContract } from '../codegen/parse/bundle-contract.ts';
import type { ContextSource } from '../codegen/parse/find-contexts.ts';
import { Renamer } from './renamer.ts';
import { YamlSource } from './yaml-source.ts';

export interface ClonedContract {
  /** Files to write, by absolute path under `contracts/<ctx>/`. */
  readonly files: ReadonlyMap<string, string>;
  /** Every rename, `from → to`, in the order found. */
  readonly renamed: {
    readonly operationIds: ReadonlyMap<string, string>;
    readonly tags: ReadonlyMap<string, string>;
    readonly scopes: ReadonlyMap<string, string>;
    readonly title?: readonly [string, string];
  };
  readonly warnings: readonly string[];
  readonly problems: readonly string[];
}

/** @example const clone = await cloneContract('/repo', catalog, 'catalog-v2'); */
export async function cloneContract(
  root: string,
  source: ContextSource,
  target: string,
): Promise<ClonedContract> {
  const bundled = await bundleContract(source.contractFile, root);
  const empty = { operationIds: new Map(), tags: new Map(), scopes: new Map() };
  const errors = bundled.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    return {
      files: new Map(),
      renamed: empty,
      warnings: [],
      problems: errors.map(
        (p) => `${relative(root, source.contractFile)}#${p.pointer}: ${p.message} (fix: ${p.fix})`,
      ),
    };
  }
  const sourceDir = dirname(source.contractFile);
  const targetDir = join(root, 'contracts', target);
  const sources = new Map<string, YamlSource>();
  for (const file of bundled.files) {
    if (file.startsWith(`${sourceDir}${sep}`))
      sources.set(file, new YamlSource(file, await readFile(file, 'utf8')));
  }
  const walk = new CloneWalk(root, sources, new Renamer(source.name, target));
  walk.contract(source.contractFile);
  for (const [from, to] of walk.scopes) {
    // Descriptions and examples quote scopes too ("needs the scope catalog:write").
    if (from.includes(source.name)) for (const file of sources.values()) file.replaceLiteral(from, to);
  }
  const files = new Map<string, string>();
  for (const [file, edited] of sources)
    files.set(join(targetDir, relative(sourceDir, file)), edited.result());
  return {
    files,
    renamed: { operationIds: walk.operationIds, tags: walk.tags, scopes: walk.scopes, title: walk.title },
    warnings: walk.warnings,
    problems: [],
  };
}

/** Follows the contract through its `$ref`s, editing whatever identifies the context. */
class CloneWalk {
  readonly operationIds = new Map<string, string>();
  readonly tags = new Map<string, string>();
  readonly scopes = new Map<string, string>();
  readonly warnings: string[] = [];
  title?: readonly [string, string];
  private readonly visited = new Set<string>();
  private readonly linkRefs: { file: YamlSource; node: Scalar }[] = [];

  constructor(
    private readonly root: string,
    private readonly sources: ReadonlyMap<string, YamlSource>,
    private readonly rename: Renamer,
  ) {}

  contract(entry: string): void {
    const file = this.sources.get(entry);
    const doc = file?.root;
    if (!file || !isMap(doc)) return;
    const title = file.at('/info/title');
    if (isScalar(title) && typeof title.value === 'string') {
      this.title = [title.value, this.rename.title(title.value)];
      file.replaceScalar(title, this.title[1]);
    }
    for (const server of items(doc.get('servers', true))) {
      const url = isMap(server) ? server.get('url', true) : undefined;
      if (isScalar(url) && typeof url.value === 'string')
        file.replaceScalar(url, this.rename.serverUrl(url.value));
    }
    for (const tag of items(doc.get('tags', true))) {
      const name = isMap(tag) ? tag.get('name', true) : undefined;
      if (isScalar(name)) this.renameTag(file, name);
    }
    for (const group of items(doc.get('x-tagGroups', true))) {
      for (const tag of items(isMap(group) ? group.get('tags', true) : undefined))
        if (isScalar(tag)) this.renameTag(file, tag);
    }
    this.security(file, doc.get('security', true));
    for (const [kind, container] of [
      ['path', 'paths'],
      ['webhook', 'webhooks'],
    ] as const) {
      const map = doc.get(container, true);
      if (isMap(map))
        for (const pair of map.items)
          this.follow(file, pair.value as Node, (f, n) => this.pathItem(f, n, kind));
    }
    const components = doc.get('components', true);
    if (isMap(components)) {
      const each = (name: string, visit: (f: YamlSource, n: Node) => void) => {
        const map = components.get(name, true);
        if (isMap(map)) for (const pair of map.items) this.follow(file, pair.value as Node, visit);
      };
      each('securitySchemes', (f, n) => this.securityScheme(f, n));
      each('responses', (f, n) => this.response(f, n));
      each('links', (f, n) => this.link(f, n));
      each('pathItems', (f, n) => this.pathItem(f, n, 'path'));
    }
    // Links may name operations found later in the walk.
    for (const { file: f, node } of this.linkRefs) {
      const to = this.operationIds.get(String(node.value));
      if (to) f.replaceScalar(node, to);
    }
  }

  private pathItem(file: YamlSource, node: Node, kind: 'path' | 'webhook'): void {
    if (!isMap(node) || !this.once(file, node)) return;
    for (const method of HTTP_METHODS) {
      const operation = node.get(method, true);
      if (isMap(operation)) this.operation(file, operation, kind);
    }
  }

  private operation(file: YamlSource, node: YAMLMap, kind: 'path' | 'webhook'): void {
    const id = node.get('operationId', true);
    if (isScalar(id) && typeof id.value === 'string') {
      const to = this.rename.operationId(id.value);
      this.operationIds.set(id.value, to);
      file.replaceScalar(id, to);
    }
    for (const tag of items(node.get('tags', true))) if (isScalar(tag)) this.renameTag(file, tag);
    this.security(file, node.get('security', true));
    const responses = node.get('responses', true);
    if (isMap(responses))
      for (const pair of responses.items)
        this.follow(file, pair.value as Node, (f, n) => this.response(f, n));
    // Only path operations have handlers; the new context has none yet, so each answers 501.
    const mark = node.get('x-charter-unimplemented', true);
    if (kind === 'path' && !mark) file.insertPair(node, 'x-charter-unimplemented', 'true', 'operationId');
    else if (kind === 'path' && isScalar(mark) && mark.value !== true) file.replaceScalar(mark, 'true');
  }

  private response(file: YamlSource, node: Node): void {
    if (!isMap(node) || !this.once(file, node)) return;
    const links = node.get('links', true);
    if (isMap(links))
      for (const pair of links.items) this.follow(file, pair.value as Node, (f, n) => this.link(f, n));
  }

  private link(file: YamlSource, node: Node): void {
    if (!isMap(node) || !this.once(file, node)) return;
    const id = node.get('operationId', true);
    if (isScalar(id)) this.linkRefs.push({ file, node: id });
  }

  private securityScheme(file: YamlSource, node: Node): void {
    if (!isMap(node) || !this.once(file, node)) return;
    const flows = node.get('flows', true);
    if (!isMap(flows)) return;
    for (const flow of flows.items) {
      const scopes = isMap(flow.value) ? flow.value.get('scopes', true) : undefined;
      if (!isMap(scopes)) continue;
      for (const pair of scopes.items)
        if (isScalar(pair.key)) file.replaceScalar(pair.key, this.scope(String(pair.key.value)));
    }
  }

  private security(file: YamlSource, node: unknown): void {
    for (const requirement of items(node)) {
      if (!isMap(requirement)) continue;
      for (const pair of requirement.items)
        for (const scope of items(pair.value))
          if (isScalar(scope)) file.replaceScalar(scope, this.scope(String(scope.value)));
    }
  }

  private renameTag(file: YamlSource, node: Scalar): void {
    const from = String(node.value);
    const to = this.tags.get(from) ?? this.rename.tag(from);
    this.tags.set(from, to);
    file.replaceScalar(node, to);
  }

  private scope(from: string): string {
    const to = this.scopes.get(from) ?? this.rename.scope(from);
    this.scopes.set(from, to);
    return to;
  }

  /** Visits a node where it is defined, following `$ref`s into the contract's other files. */
  private follow(
    file: YamlSource,
    node: Node,
    visit: (file: YamlSource, node: Node) => void,
    hops = 0,
  ): void {
    const ref = isMap(node) ? node.get('$ref') : undefined;
    if (typeof ref !== 'string') {
      visit(file, node);
      return;
    }
    if (hops > 16) return;
    const [path, fragment = ''] = ref.split('#');
    const targetFile = path ? resolve(dirname(file.file), decodeURI(path)) : file.file;
    const target = this.sources.get(targetFile);
    if (!target) {
      this.warnings.push(
        `${relative(this.root, file.file)}: ${ref} is outside the source context's folder, so it stays shared and unchanged`,
      );
      return;
    }
    const resolved = fragment ? target.at(fragment) : (target.root ?? undefined);
    if (resolved) this.follow(target, resolved, visit, hops + 1);
  }

  private once(file: YamlSource, node: Node): boolean {
    const key = `${file.file}:${node.range?.[0]}`;
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return true;
  }
}

function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}
