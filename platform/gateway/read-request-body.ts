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
    request.on('end', () => resolve(kept === 0 ? undefined : ownBytes(chunks, kept)));
    request.on('error', reject);
  });
}

/**
 * The body in an ArrayBuffer of its own. Buffer.concat hands small bodies out of Node's shared
 * 8 KiB pool, and posting such a view to a function's worker clones the whole pool with it.
 */
function ownBytes(chunks: readonly Buffer[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
