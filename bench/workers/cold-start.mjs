// One cold start, in a fresh Node process and without tsx: import a function (or initialise
// openapi-backend) and answer one event. Reports through BENCH_RESULT_FILE.
// Usage: cold-start.mjs bundle <index.mjs> <event.json>
//        cold-start.mjs openapi-backend <definition.json> <quick|default> <event.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const bootMs = performance.now();
const [kind, file, ...rest] = process.argv.slice(2);
const event = JSON.parse(readFileSync(rest[rest.length - 1], 'utf8'));
const context = { awsRequestId: 'cold-start', getRemainingTimeInMillis: () => 10_000 };

const cpu = process.cpuUsage();
const t0 = performance.now();
let t1;
let answer;
if (kind === 'bundle') {
  const { handler } = await import(pathToFileURL(file).href);
  t1 = performance.now();
  answer = await handler(event, context);
} else {
  const { OpenAPIBackend } = await import('openapi-backend');
  const definition = JSON.parse(readFileSync(file, 'utf8'));
  const schemes = Object.keys(definition.components?.securitySchemes ?? {});
  const api = new OpenAPIBackend({
    definition,
    quick: rest[0] === 'quick',
    coerceTypes: true,
    handlers: {
      notFound: () => ({ statusCode: 404 }),
      validationFail: () => ({ statusCode: 400 }),
      unauthorizedHandler: () => ({ statusCode: 401 }),
    },
    securityHandlers: Object.fromEntries(schemes.map((name) => [name, () => true])),
  });
  try {
    await api.init();
  } catch (error) {
    writeFileSync(
      process.env.BENCH_RESULT_FILE,
      JSON.stringify({ failed: String(error.message).split('\n')[0].slice(0, 120) }),
    );
    process.exit(0);
  }
  api.register(
    Object.fromEntries(
      api
        .getOperations()
        .map((op) => [
          op.operationId,
          (c) => ({ statusCode: 200, body: JSON.stringify({ id: Object.values(c.request.params)[0] }) }),
        ]),
    ),
  );
  t1 = performance.now();
  answer = await api.handleRequest({
    method: event.httpMethod,
    path: event.path.replace(/^\/(catalog|stripe)/, ''),
    query: event.queryStringParameters ?? {},
    headers: event.headers ?? {},
    body: event.body ?? undefined,
  });
}
const t2 = performance.now();
const used = process.cpuUsage(cpu);
writeFileSync(
  process.env.BENCH_RESULT_FILE,
  JSON.stringify({
    bootMs,
    initMs: t1 - t0,
    firstMs: t2 - t1,
    totalMs: t2 - t0,
    spanCpuMs: (used.user + used.system) / 1000,
    status: answer.statusCode,
    rssKib: process.memoryUsage().rss / 1024,
  }),
);
