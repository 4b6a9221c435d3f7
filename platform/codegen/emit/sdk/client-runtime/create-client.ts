/**
 * Creates the openapi-fetch client an SDK hands out, and remembers its settings so that the
 * operation functions (which receive only the client) can apply them.
 * @module
 */
import createOpenApiClient, { type Client } from 'openapi-fetch';
import type { Schemes } from './auth.js';
import { retryPolicy } from './retry.js';
import { type Settings, send } from './send.js';
import type { ClientOptions, Credential } from './types.js';

// A WeakMap rather than a property: the client stays exactly openapi-fetch's, and a client that
// is dropped takes its settings with it.
const SETTINGS = new WeakMap<object, Settings>();

/**
 * @param schemes how each security scheme of the contract travels
 * @example const client = createClientWith<paths>({ baseUrl }, { bearerAuth: ['bearer'] });
 */
export function createClientWith<Paths extends object, Auth = Record<string, Credential>>(
  options: ClientOptions<Auth>,
  schemes: Schemes,
): Client<Paths> {
  const settings: Settings = {
    // Looked up per request, so a fetch replaced after the client was created is still used.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    auth: options.auth as Settings['auth'],
    schemes,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: retryPolicy(options.retries),
  };
  const client = createOpenApiClient<Paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    // Calls made with client.GET(...) directly: the client's credentials, retries by method.
    fetch: (request) => send(request, settings, {}),
  });
  SETTINGS.set(client, settings);
  return client;
}

/**
 * The settings of a client made by `createClientWith`; defaults for any other openapi-fetch client.
 * @example const { timeoutMs } = settingsOf(client);
 */
export function settingsOf(client: object): Settings {
  return (
    SETTINGS.get(client) ?? {
      fetch: (request) => globalThis.fetch(request),
      auth: undefined,
      schemes: {},
      timeoutMs: 10_000,
      retries: retryPolicy(undefined),
    }
  );
}
