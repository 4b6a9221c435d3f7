/**
 * A loopback HTTP server that answers each request with the next step of a script: a status
 * with headers, a hang, a body that stalls. Tests of clients point at it to fail on purpose.
 * @module
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Milliseconds since the server started. */
  readonly at: number;
}

export type Step = (response: ServerResponse) => void;

/** Answers with a status, optional headers and a JSON body (a string is sent as HTML). @example answer(429, {}, { 'retry-after': '1' }) */
export const answer =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}): Step =>
  (response) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const type =
      typeof body === 'string'
        ? 'text/html'
        : status >= 400
          ? 'application/problem+json'
          : 'application/json';
    response.writeHead(status, { 'content-type': type, ...headers }).end(text);
  };

/** Never answers. */
export const hang: Step = () => {};

/** Sends the status line and headers, then never finishes the body. */
export const stallBody: Step = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"partial":');
};

export interface ScriptedServer {
  readonly url: string;
  readonly hits: Hit[];
  /** Replaces the script; requests past its end get a 500 that names the overrun. */
  script(...steps: Step[]): void;
  close(): Promise<void>;
}

/** @example const server = await scriptedServer(); server.script(answer(503), answer(200, {})); */
export async function scriptedServer(): Promise<ScriptedServer> {
  const started = performance.now();
  const hits: Hit[] = [];
  let steps: Step[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk;
    });
    request.on('end', () => {
      hits.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        at: performance.now() - started,
      });
      const step =
        steps.shift() ?? answer(500, { title: `script overrun: unexpected request ${hits.length}` });
      step(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    script(...next) {
      steps = next;
      hits.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
