/**
 * Reads a request body, keeping at most one byte past the limit: enough for the core to answer
 * 413 in its place in the order of checks, without buffering an attacker's gigabytes.
 * @module
 */
import type { IncomingMessage } from 'node:http';

/** @returns the body, or undefined when the request has none */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    request.on('data', (chunk: Buffer) => {
      if (kept > limit) return;
      const room = limit + 1 - kept;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      kept += part.length;
    });
    request.on('end', () => resolve(kept === 0 ? undefined : Buffer.concat(chunks, kept)));
    request.on('error', reject);
  });
}
