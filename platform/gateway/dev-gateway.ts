/**
 * `charter dev`: every context behind one node:http server, each in its own function worker,
 * with local auth, CORS, docs and hot reload. The main job of a laptop.
 * @module
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { findContexts } from '../codegen/parse/find-contexts.ts';
import { contextConfig, loadConfig } from '../config/charter-config.ts';
import { type ApiKeyStore, loadApiKeys } from './auth/api-keys.ts';
import { loadDevKeys } from './auth/dev-keys.ts';
import { createCredentialVerifier } from './auth/verify-credentials.ts';
import { answerClientError } from './client-error.ts';
import { docsIndexHtml } from './docs/docs-index.ts';
import { buildReferencePage } from './docs/redocly-docs.ts';
import { FunctionHost } from './functions/function-host.ts';
import { createHttpHandler, type HandlerState, type ServedContext } from './http-handler.ts';
import { regenerateContext } from './regenerate.ts';
import {
  functionSpecFor,
  type LoadedContract,
  loadContract,
  serviceApiKeys,
  serviceUrls,
} from './served-contexts.ts';
import { stdoutLines } from './stdout-lines.ts';
import { watchSources } from './watch-sources.ts';

export interface DevGatewayOptions {
  readonly root: string;
  /** @default charter.config.json's dev.port (3000); 0 picks a free port */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Contexts served from their contract's examples instead of handlers. */
  readonly mock?: ReadonlySet<string> | 'all';
  /** Regenerate and reload on changes. @default true */
  readonly watch?: boolean;
  readonly log?: (line: string) => void;
}

export interface DevGateway {
  readonly url: string;
  readonly apiKeys: ApiKeyStore;
  close(): Promise<void>;
}

interface ContextState {
  contract: LoadedContract;
  readonly host: FunctionHost;
  readonly mocked: boolean;
}

/** @example const gateway = await startDevGateway({ root: process.cwd(), port: 0 }); */
export async function startDevGateway(options: DevGatewayOptions): Promise<DevGateway> {
  const root = options.root;
  const log = options.log ?? stdoutLines();
  const config = loadConfig(root);
  const sources = findContexts(root);
  if (sources.length === 0) throw new Error('no contracts found under contracts/<ctx>/openapi.yaml');
  const isMocked = (name: string) => options.mock === 'all' || (options.mock?.has(name) ?? false);

  const contracts = new Map<string, LoadedContract>();
  for (const source of sources) contracts.set(source.name, await loadContract(root, source));
  const keys = await loadDevKeys(root);
  const withApiKeys = sources.filter((s) =>
    contracts.get(s.name)?.securitySchemes.some((scheme) => scheme.type === 'apiKey'),
  );
  const { store: apiKeys, created } = loadApiKeys(
    root,
    withApiKeys.map((s) => s.name),
  );
  const verifier = createCredentialVerifier(keys, apiKeys);

  const states = new Map<string, ContextState>();
  let handlerState: HandlerState;
  const server: Server = createServer(createHttpHandler(() => handlerState));
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.dev.port, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}`;
  // Functions reach the other contexts through their SDKs, at these addresses with these keys.
  const env = {
    ...serviceUrls(
      url,
      sources.map((s) => s.name),
    ),
    ...serviceApiKeys(apiKeys),
  };

  for (const source of sources) {
    const contract = contracts.get(source.name) as LoadedContract;
    const mocked = isMocked(source.name);
    const spec = functionSpecFor(root, source.name, mocked ? contract.model.bundled : undefined, env);
    const host = new FunctionHost({
      spec,
      timeoutMs: contextConfig(config, source.name).timeoutSeconds * 1000,
      onError: (message) => log(`error: ${message}`),
    });
    states.set(source.name, { contract, host, mocked });
  }

  const publish = () => {
    const contexts = new Map<string, ServedContext>();
    for (const [name, state] of states) {
      contexts.set(name, {
        name,
        host: state.host,
        securitySchemes: state.contract.securitySchemes,
        methods: state.contract.methods,
      });
    }
    handlerState = { contexts, verifier, cors: config.dev.cors, serveDocs, log };
  };

  async function serveDocs(path: string, response: ServerResponse): Promise<boolean> {
    if (path === '/docs' || path === '/docs/') {
      const entries = [...states].map(([context, s]) => ({
        context,
        title: s.contract.model.title,
        version: s.contract.model.version,
        operations: s.contract.model.operations.length,
        mock: s.mocked,
      }));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(docsIndexHtml(entries));
      return true;
    }
    const docs = /^\/docs\/([^/]+)\/?$/.exec(path);
    const openapi = /^\/openapi\/([^/]+)\.json$/.exec(path);
    const state = states.get((docs ?? openapi)?.[1] ?? '');
    if (!state) return false;
    if (openapi) {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(state.contract.model.bundled, null, 2));
    } else {
      const html = await buildReferencePage(root, state.contract.model.context, state.contract.model.bundled);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    return true;
  }

  publish();
  const watcher =
    options.watch === false
      ? undefined
      : watchSources(root, {
          onContract: async (context) => {
            const state = states.get(context);
            const source = sources.find((s) => s.name === context);
            if (!state || !source) return;
            const t0 = performance.now();
            const regenerated = await regenerateContext(root, source);
            if (!regenerated.ok) {
              log(
                `${context}: the contract has errors; still serving the last good version:\n${regenerated.message}`,
              );
              return;
            }
            try {
              state.contract = await loadContract(root, source);
            } catch (error) {
              log(`${context}: ${(error as Error).message}`);
              return;
            }
            const spec = functionSpecFor(
              root,
              context,
              state.mocked ? state.contract.model.bundled : undefined,
              env,
            );
            await state.host.reload(spec);
            publish();
            log(
              `${context}: contract changed; regenerated ${regenerated.changed} file(s) and reloaded in ${Math.round(performance.now() - t0)} ms`,
            );
          },
          onHandlers: async (context) => {
            const state = states.get(context);
            if (!state || state.mocked) return;
            const t0 = performance.now();
            await state.host.reload();
            log(`${context}: handlers changed; reloaded in ${Math.round(performance.now() - t0)} ms`);
          },
        });

  log(`charter dev: serving ${sources.length} context(s) at ${url}`);
  for (const [name, state] of states) {
    log(
      `  ${url}/${name}  ${state.contract.model.title} ${state.contract.model.version}${state.mocked ? '  (mock: answering from the contract)' : ''}`,
    );
  }
  log(`  ${url}/docs  API reference`);
  for (const key of created)
    log(`  new API key for ${apiKeys[key].context}: ${key}  (kept in .charter/api-keys.json)`);
  log('  a bearer token: npx charter dev token --sub u1 --scope orders:write');

  return {
    url,
    apiKeys,
    async close() {
      watcher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.all([...states.values()].map((s) => s.host.close()));
    },
  };
}
