/**
 * `charter dev --mock`: handlers that answer from the contract alone, so consumers can build
 * against a contract before it is implemented. Each operation answers its lowest declared 2xx
 * status with the contract's example, or a sample generated from the schema where there is
 * none. Requests are still authenticated and validated by the core as usual.
 * @module
 */
import { createRequire } from 'node:module';
import { derefLocal } from '../../codegen/model/json-pointer.ts';
import { HTTP_METHODS } from '../../codegen/model/model.ts';
import { derivedOperationId } from '../../codegen/model/names.ts';
import type { AppOptions } from '../../runtime/index.ts';

const require = createRequire(import.meta.url);
const { sample } = require('openapi-sampler') as {
  sample(schema: unknown, options: Record<string, unknown>, spec: unknown): unknown;
};

type Json = Record<string, unknown>;

/** @example createApp({ handlers: createMockHandlers(bundledContract), ... }) */
export function createMockHandlers(document: Json): AppOptions<unknown>['handlers'] {
  const handlers: Record<string, () => unknown> = {};
  for (const [path, rawItem] of Object.entries((document.paths ?? {}) as Json)) {
    const item = derefLocal<Json>(document, rawItem) ?? {};
    for (const method of HTTP_METHODS) {
      const operation = derefLocal<Json>(document, item[method]);
      if (!operation) continue;
      const operationId = (operation.operationId as string | undefined) ?? derivedOperationId(method, path);
      const answer = mockAnswer(document, operation);
      handlers[operationId] = () => structuredClone(answer);
    }
  }
  return handlers;
}

function mockAnswer(
  document: Json,
  operation: Json,
): { status: number; body?: unknown; headers?: Json; contentType?: string } {
  const responses = (operation.responses ?? {}) as Json;
  // The lowest success status; for operations that only redirect (OAuth), the lowest 3xx.
  const codes = Object.keys(responses)
    .filter((code) => /^[23]\d\d$/.test(code))
    .sort();
  const status = codes.find((code) => code.startsWith('2')) ?? codes[0];
  if (!status) return { status: 204 };
  const response = derefLocal<Json>(document, responses[status]) ?? {};
  const headers: Json = {};
  for (const [name, rawHeader] of Object.entries((response.headers ?? {}) as Json)) {
    const header = derefLocal<Json>(document, rawHeader);
    if (header?.required === true) headers[name] = exampleOf(document, header) ?? 'mock';
  }
  const content = (response.content ?? {}) as Json;
  const [contentType, rawMedia] = Object.entries(content)[0] ?? [];
  if (!contentType) return { status: Number(status), headers };
  const body = exampleOf(document, derefLocal<Json>(document, rawMedia) ?? {});
  return { status: Number(status), body, headers, contentType };
}

/** The contract's own example first: media `example`, the first of `examples`, then the schema's. */
function exampleOf(document: Json, holder: Json): unknown {
  if (holder.example !== undefined) return holder.example;
  const examples = holder.examples as Json | undefined;
  if (examples && typeof examples === 'object') {
    const first = derefLocal<Json>(document, Object.values(examples)[0]);
    if (first?.value !== undefined) return first.value;
  }
  const schema = holder.schema;
  if (schema === undefined) return undefined;
  try {
    return sample(
      schema,
      { skipReadOnly: false, skipWriteOnly: true, quiet: true, enablePatterns: true },
      document,
    );
  } catch {
    return {};
  }
}
