/**
 * Sends fuzz requests: through fetch for well-formed ones, and over a raw socket for what
 * fetch refuses to send (CR/LF in headers, broken request lines).
 * @module
 */
import { connect } from 'node:net';
import type { HttpRequest } from './encode-request.ts';

export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

/** Fails the request (status 0) after this long: a hang is a finding, not a stuck fuzzer. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** @example await send('http://127.0.0.1:3000/orders', request, credentials) */
export async function send(
  baseUrl: string,
  request: HttpRequest,
  extraHeaders: Record<string, string>,
): Promise<HttpResponse> {
  try {
    const response = await fetch(`${baseUrl}${request.target}`, {
      method: request.method,
      headers: { ...extraHeaders, ...request.headers },
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      text: await response.text(),
    };
  } catch (error) {
    return { status: 0, headers: {}, text: `no response: ${(error as Error).message}` };
  }
}

/** Writes bytes to the server as they are, and reads the status line of the answer. */
export function sendRaw(baseUrl: string, raw: string): Promise<HttpResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port || 80), url.hostname);
    let received = '';
    const done = () => {
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0);
      const [head, ...body] = received.split('\r\n\r\n');
      const headers = Object.fromEntries(
        head
          .split('\r\n')
          .slice(1)
          .map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
      );
      resolve({ status, headers, text: body.join('\r\n\r\n') });
    };
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('close', done);
    socket.on('error', () => {});
    socket.write(raw, 'latin1');
  });
}
