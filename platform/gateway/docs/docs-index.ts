/**
 * `/docs`: the list of contexts with links to their reference pages and bundled contracts.
 * @module
 */

export interface DocsEntry {
  readonly context: string;
  readonly title: string;
  readonly version: string;
  readonly operations: number;
  readonly mock: boolean;
}

/** @example docsIndexHtml([{ context: 'catalog', title: 'Catalog API', version: '1.0.0', operations: 4, mock: false }]) */
export function docsIndexHtml(entries: readonly DocsEntry[]): string {
  const rows = entries
    .map(
      (e) =>
        `<li><a href="/docs/${e.context}">${escapeHtml(e.title)}</a> <small>${escapeHtml(e.version)} · ${e.operations} operations · served at <code>/${e.context}</code>${e.mock ? ' · mock' : ''} · <a href="/openapi/${e.context}.json">openapi.json</a></small></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>charter dev · API docs</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:3rem auto;padding:0 1rem}li{margin:.5rem 0}small{color:#555}</style>
</head><body><h1>API docs</h1><ul id="contexts">
${rows}
</ul></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
