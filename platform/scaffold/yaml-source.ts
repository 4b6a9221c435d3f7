/**
 * One contract file, edited in place: changes are spliced into the original text at the nodes'
 * source ranges, so comments, folded descriptions, key order and quoting stay exactly as the
 * team wrote them (re-serialising YAML would refold every long description). JSON files are
 * YAML flow collections and are edited the same way.
 * @module
 */
import { isMap, isScalar, isSeq, type Node, parseDocument, type Scalar, type YAMLMap } from 'yaml';

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class YamlSource {
  readonly root: Node | null;
  private readonly splices: Splice[] = [];

  /** @example new YamlSource('/repo/contracts/catalog/openapi.yaml', text) */
  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.root = parseDocument(text, { keepSourceTokens: false }).contents;
  }

  /** The node a JSON pointer (`/paths/~1items/get`) names, if there is one. */
  at(pointer: string): Node | undefined {
    let node: Node | null | undefined = this.root;
    for (const raw of pointer.split('/').slice(1)) {
      const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      if (isMap(node)) node = node.get(segment, true) as Node | undefined;
      else if (isSeq(node)) node = node.get(Number(segment), true) as Node | undefined;
      else return undefined;
    }
    return node ?? undefined;
  }

  /** Replaces a scalar's value, keeping its quoting style where the new value allows it. */
  replaceScalar(node: Scalar, value: string): void {
    if (!node.range || node.value === value) return;
    this.splices.push({ start: node.range[0], end: node.range[1], text: render(node, value) });
  }

  /**
   * Adds `key: value` to a map right after `afterKey` (or first), on its own line in a block map
   * and after a comma in a flow (JSON) map.
   */
  insertPair(map: YAMLMap, key: string, value: string, afterKey?: string): void {
    const pair = afterKey ? map.items.find((p) => isScalar(p.key) && p.key.value === afterKey) : undefined;
    const first = map.items[0];
    if (map.flow) {
      const anchor = pair?.value as Node | undefined;
      if (anchor?.range)
        this.splices.push({ start: anchor.range[1], end: anchor.range[1], text: `, "${key}": ${value}` });
      else if (isScalar(first?.key) && first.key.range)
        this.splices.push({
          start: first.key.range[0],
          end: first.key.range[0],
          text: `"${key}": ${value}, `,
        });
      return;
    }
    const keyNode = (pair?.key ?? first?.key) as Node | undefined;
    if (!keyNode?.range) return;
    const lineStart = this.text.lastIndexOf('\n', keyNode.range[0] - 1) + 1;
    const indent = this.text.slice(lineStart, keyNode.range[0]);
    if (!pair) {
      this.splices.push({
        start: keyNode.range[0],
        end: keyNode.range[0],
        text: `${key}: ${value}\n${indent}`,
      });
      return;
    }
    const valueEnd = (pair.value as Node | undefined)?.range?.[1] ?? keyNode.range[1];
    const lineEnd = this.text.indexOf('\n', valueEnd);
    const at = lineEnd === -1 ? this.text.length : lineEnd;
    this.splices.push({ start: at, end: at, text: `\n${indent}${key}: ${value}` });
  }

  /** Replaces each whole-word occurrence of `literal` anywhere in the file. */
  replaceLiteral(literal: string, replacement: string): void {
    const escaped = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?<![\\w:-])${escaped}(?![\\w:-])`, 'g');
    for (const match of this.text.matchAll(pattern)) {
      const start = match.index ?? 0;
      if (this.splices.some((s) => start < s.end && start + literal.length > s.start)) continue;
      this.splices.push({ start, end: start + literal.length, text: replacement });
    }
  }

  /** The text with every edit applied. */
  result(): string {
    let out = this.text;
    const ordered = [...this.splices].sort((a, b) => b.start - a.start || b.end - a.end);
    for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);
    return out;
  }
}

/** Plain where the value reads the same unquoted, else in the node's own quotes or double quotes. */
function render(node: Scalar, value: string): string {
  if (node.type === 'QUOTE_SINGLE') return `'${value.replaceAll("'", "''")}'`;
  const plain =
    /^[A-Za-z0-9_./@$-][A-Za-z0-9_ ./:@$()-]*$/.test(value) &&
    !/: |\s$|:$/.test(value) &&
    // Words YAML would read as another type.
    !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._]*(e[-+]?[0-9]+)?)$/i.test(value);
  if (node.type === 'PLAIN' && plain) return value;
  return JSON.stringify(value);
}
