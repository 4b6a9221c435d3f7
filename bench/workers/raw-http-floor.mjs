// The local-gateway floor: node:http doing only what any JSON endpoint must, JSON.parse of the
// request body and JSON.stringify of a response. No routing, auth or validation.
// Prints `READY {"url": ...}` when listening; stops on SIGTERM.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"malformed JSON"}');
      return;
    }
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
