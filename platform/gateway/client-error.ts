/**
 * Requests node:http refuses before our handler sees them (a header line with a bare CR, headers
 * over 16 KB, a malformed request line) still get a problem+json answer instead of a reset.
 * @module
 */
import type { Socket } from 'node:net';

const STATUS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_URI_TOO_LONG: [414, 'URI Too Long'],
  HPE_HEADERS_TIMEOUT: [408, 'Request Timeout'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** @example server.on('clientError', answerClientError) */
export function answerClientError(
  error: NodeJS.ErrnoException & { rawPacket?: Buffer },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, title] = STATUS[error.code ?? ''] ?? [400, 'Bad Request'];
  const body = JSON.stringify({
    type: 'urn:charter:problem:malformed-request',
    title,
    status,
    detail:
      'The HTTP request is malformed and was refused before routing (check header lines and their size).',
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
