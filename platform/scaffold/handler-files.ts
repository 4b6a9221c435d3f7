/**
 * The `handlers/<ctx>/` a new context starts with: a handlers map (empty: every operation is
 * served with 501 after validation until its handler exists), the deps factory functions are
 * created with, and a test that runs the context through the runtime core.
 * @module
 */
import { nameForms } from './context-names.ts';
import type { SampleCases } from './sample-requests.ts';

export interface HandlerFile {
  /** Relative to `handlers/<ctx>/`. */
  readonly name: string;
  readonly contents: string;
}

/** @example handlerFiles('shipping', cases).map((f) => f.name) // ['deps.ts', 'handlers.test.ts', 'index.ts'] */
export function handlerFiles(context: string, cases: SampleCases): HandlerFile[] {
  return [
    { name: 'deps.ts', contents: depsFile(context) },
    { name: 'handlers.test.ts', contents: testFile(context, cases) },
    { name: 'index.ts', contents: indexFile(context) },
  ];
}

function indexFile(context: string): string {
  const deps = `${nameForms(context).pascal}Deps`;
  return `/**
 * The ${context} context's handlers, one per operation of contracts/${context}/openapi.yaml. None
 * is written yet, so every operation validates its request and answers 501. To implement one:
 * write handlers/${context}/<kebab-case operationId>.ts exporting it (typed
 * \`Handlers<${deps}>['<operationId>']\`), add it below, and remove its \`x-charter-unimplemented\`
 * from the contract. Once every operation has a handler, make the map \`satisfies Handlers<${deps}>\`
 * so a missing one is a compile error, as in handlers/catalog/index.ts.
 * @example
 * import { createDeps, handlers } from './handlers/${context}/index.ts';
 * const app = createApp({ routes: contextRoutes, handlers, deps: await createDeps(), authenticator });
 * @module
 */
import type { Handlers } from '../../generated/${context}/handlers.gen.ts';
import type { ${deps} } from './deps.ts';

/** The ${context} operations that have a handler; the others answer 501. */
export const handlers = {} satisfies Partial<Handlers<${deps}>>;

export { createDeps, createInMemoryDeps, type ${deps} } from './deps.ts';
`;
}

function depsFile(context: string): string {
  const deps = `${nameForms(context).pascal}Deps`;
  return `/**
 * What the ${context} handlers depend on, and how a function creates them.
 * @module
 */
import type { Closable } from '@charter/platform/runtime/data';

/** The ${context} context's dependencies (repositories, other contexts' SDKs), created once per function. */
// biome-ignore lint/suspicious/noEmptyInterface: the context has no dependencies yet; they are added here.
export interface ${deps} {}

/**
 * The deps a function runs with, once per cold start; \`close()\` releases what they hold.
 * @example const deps = await createDeps(); ...; await deps.close();
 */
export async function createDeps(overrides: Partial<${deps}> = {}): Promise<${deps} & Closable> {
  return { ...createInMemoryDeps(overrides), close: async () => {} };
}

/**
 * Deps that keep everything in memory, for unit tests.
 * @example createInMemoryDeps()
 */
export function createInMemoryDeps(overrides: Partial<${deps}> = {}): ${deps} {
  return { ...overrides };
}
`;
}

function testFile(context: string, cases: SampleCases): string {
  const list = (entries: SampleCases['valid']) =>
    `[\n${entries.map(([id, request]) => `  [${JSON.stringify(id)}, ${JSON.stringify(request)}],`).join('\n')}\n]`;
  const missing =
    cases.missing.length > 0
      ? `\n// No request the contract accepts could be made from its examples for: ${cases.missing.join(', ')}.\n// Add one per operation to \`valid\`.\n`
      : '';
  return `/**
 * The ${context} context, served from its contract before any handler exists: each operation
 * validates its request, then answers 501 until its handler is written. \`charter new\` wrote
 * these requests from the contract's examples (or its schemas) and checked them against the
 * generated validators. As handlers land, test them directly as handlers/catalog does.
 */
import { type CoreRequest, createApp, silentLogger, upstreamAuthenticator } from '@charter/platform/runtime';
import { describe, expect, it } from 'vitest';
import { contextRoutes } from '../../generated/${context}/routes.gen.ts';
import { createInMemoryDeps, handlers } from './index.ts';

const app = createApp({
  routes: contextRoutes,
  handlers,
  deps: createInMemoryDeps(),
  authenticator: upstreamAuthenticator,
  logger: silentLogger,
  logRequests: false,
});
${missing}
/** Per operation, a request the contract accepts (credentials as API Gateway's authorizer hands them over). */
const valid: [string, CoreRequest][] = ${list(cases.valid)};

/** Requests the contract refuses. */
const invalid: [string, CoreRequest][] = ${list(cases.invalid)};

const unimplemented = valid.filter(([operationId]) => !(operationId in handlers));

describe('${context}', () => {
  it.each(unimplemented)('%s validates its request, then answers 501 until it has a handler', async (_, request) => {
    const response = await app.handle(request);
    expect(response.status).toBe(501);
  });

  it.each(invalid)('%s refuses an invalid request with 400 before any handler runs', async (_, request) => {
    const response = await app.handle(request);
    expect(response.status).toBe(400);
  });
});
`;
}
