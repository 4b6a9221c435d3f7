/**
 * Lists a new context under `apis:` in `redocly.yaml`, so Redocly's own CLI (`npx redocly lint`)
 * and `charter lint` pick its contract up. The entry is spliced into the text in name order;
 * the house ruleset and its comments are left as they are.
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';

export type Registration =
  | { readonly status: 'added'; readonly text: string }
  | { readonly status: 'present' | 'no-config' | 'no-apis' };

/**
 * The new text of `redocly.yaml`, or why it stays as it is.
 * @param root relative path of the contract from the repository root, e.g. `contracts/shipping/openapi.yaml`
 * @example const r = await redoclyRegistration('/repo', 'shipping', 'contracts/shipping/openapi.yaml');
 */
export async function redoclyRegistration(
  root: string,
  context: string,
  contract: string,
): Promise<Registration> {
  const file = join(root, 'redocly.yaml');
  if (!existsSync(file)) return { status: 'no-config' };
  const text = await readFile(file, 'utf8');
  const doc = parseDocument(text);
  const apis = doc.get('apis', true);
  if (!isMap(apis) || apis.flow || apis.items.length === 0) return { status: 'no-apis' };
  const keys = apis.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  if (keys.includes(context)) return { status: 'present' };
  const firstKey = apis.items[0].key as { range?: [number, number, number] };
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const keyStart = firstKey.range?.[0] ?? 0;
  const indent = text.slice(lineStart(keyStart), keyStart);
  const child = `${indent}${indent || '  '}`;
  const entry = `${indent}${context}:\n${child}root: ${contract}\n`;
  const next = apis.items.find((p) => isScalar(p.key) && String(p.key.value) > context);
  let at: number;
  if (next && isScalar(next.key) && next.key.range) {
    at = lineStart(next.key.range[0]);
  } else {
    const last = apis.items[apis.items.length - 1];
    const end = (last.value as { range?: [number, number, number] } | null)?.range?.[1] ?? keyStart;
    // A block map's range runs over the blank lines after it; the entry goes right after its last line.
    const lastLine = text.slice(0, end).trimEnd().length;
    const lineEnd = text.indexOf('\n', lastLine);
    at = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  const before = text.slice(0, at);
  return { status: 'added', text: `${before}${before.endsWith('\n') ? '' : '\n'}${entry}${text.slice(at)}` };
}
