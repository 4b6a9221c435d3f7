/**
 * Issue 3's gateway benchmark: `charter dev`'s gateway on loopback under autocannon, for a
 * validated POST with auth on, against a raw node:http floor doing only JSON parse/stringify and
 * against serverless 3.40.0 + serverless-offline 13.10.1 serving the same function (charter's
 * bundle for the operation) behind its JWT authorizer. Each server runs in its own process;
 * rounds are interleaved; every run is bounded in time.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchProject, WORK } from '../lib/bench-project.ts';
import { REPO } from '../lib/child.ts';
import { INVALID_ORDER, VALID_ORDER } from '../lib/events.ts';
import { type RunningServer, startServer } from '../lib/servers.ts';
import { int, median, mibFromKib, ms, ratio, table, verdict } from '../lib/stats.ts';

const ROUNDS = 3;
const DURATION_S = 5;
const WARMUP_S = 2;
const CONNECTIONS = 10;
const SERVERLESS = join(REPO, 'bench', 'node_modules', 'serverless', 'bin', 'serverless.js');

interface Target {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly server: RunningServer<unknown>;
}

interface Sample {
  requestsPerSecond: number;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
}

export default async function run(): Promise<{ title: string; markdown: string }> {
  const project = await benchProject();
  const body = JSON.stringify(VALID_ORDER);
  const targets: Target[] = [];
  try {
    const floor = await startServer<{ url: string }>('bench/workers/raw-http-floor.mjs', []);
    targets.push({
      name: 'raw node:http floor (JSON.parse + JSON.stringify only)',
      url: `${floor.info.url}/orders`,
      headers: {},
      server: floor,
    });

    const charter = await startServer<{ url: string; token: string }>(
      'bench/workers/gateway-server.ts',
      [project.root],
      {
        tsx: true,
        env: { LOG_LEVEL: 'warn' },
      },
    );
    const auth = { authorization: `Bearer ${charter.info.token}` };
    targets.push({
      name: 'charter dev gateway (JWT verified, scope checked, body validated)',
      url: `${charter.info.url}/bench/orders`,
      headers: auth,
      server: charter,
    });

    const sls = await startServerless(project.perOperation('place-order'));
    targets.push({
      name: 'serverless-offline (JWT authorizer, same function bundle)',
      url: `${sls.info.url}/orders`,
      headers: auth,
      server: sls,
    });

    await checkBehaviour(targets, body);
    const samples = new Map<string, Sample[]>();
    for (const target of targets) await load(target, body, WARMUP_S);
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        samples.set(target.name, [...(samples.get(target.name) ?? []), await load(target, body, DURATION_S)]);
      }
    }
    const resources = new Map<string, { maxRssKib: number; cpuMs: number }>();
    for (const target of targets) resources.set(target.name, await target.server.stop());
    targets.length = 0;
    return { title: 'Local gateway under load', markdown: report(samples, resources) };
  } finally {
    for (const target of targets) await target.server.stop();
  }
}

function report(
  samples: Map<string, Sample[]>,
  resources: Map<string, { maxRssKib: number; cpuMs: number }>,
): string {
  const names = [...samples.keys()];
  const rps = (name: string) => median((samples.get(name) ?? []).map((s) => s.requestsPerSecond));
  const p99 = (name: string) => median((samples.get(name) ?? []).map((s) => s.p99));
  const p50 = (name: string) => median((samples.get(name) ?? []).map((s) => s.p50));
  const [floor, charter, sls] = names;
  const rows = names.map((name) => [
    name,
    `**${int(rps(name))}**`,
    ratio(rps(name), rps(floor)),
    `${ms(p50(name))} / ${ms(p99(name))}`,
    mibFromKib(resources.get(name)?.maxRssKib ?? Number.NaN),
  ]);
  const share = rps(charter) / rps(floor);
  const speedup = rps(charter) / rps(sls);
  return `autocannon ${CONNECTIONS} connections on loopback, \`POST /orders\` with the bench contract's valid body (${Buffer.byteLength(JSON.stringify(VALID_ORDER))} bytes) and, for charter and serverless-offline, a bearer JWT from \`charter dev token\` (ES256, scope orders:write). ${DURATION_S} s per run after a ${WARMUP_S} s warm-up, ${ROUNDS} interleaved rounds, medians; every run must get only 2xx (checked), and before load each server is checked to refuse a missing token (401) and, for charter, an invalid body (400). Each server runs in its own process and the load generator in the bench process, all on this machine's 2 cores. charter: \`startDevGateway\` (what \`charter dev\` runs) on bench/fixtures/bench-api, the context's function in its worker thread, request log lines written to stdout as in a terminal, \`LOG_LEVEL=warn\` inside the function as in the request-overhead figures. serverless-offline: \`serverless offline start\` with an HTTP API JWT authorizer (it decodes the token and checks issuer, audience and scope; it cannot check the signature, hence \`--ignoreJWTSignature\`) in front of the \`charter bundle\` function for the operation, run in its worker threads.

${table([['server', 'requests/s', 'vs floor', 'latency p50 / p99', 'peak RSS'], ...rows])}

${table([
  ['target', 'figure', 'verdict'],
  [
    "charter gateway at least 60% of the floor's throughput (validation and auth on)",
    `${(share * 100).toFixed(0)}%`,
    verdict(share >= 0.6),
  ],
  ['charter gateway at least 10x serverless-offline', `${speedup.toFixed(1)}x`, verdict(speedup >= 10)],
])}

${
  share < 0.6 || speedup < 10
    ? `**Missed: ${[share < 0.6 ? `${(share * 100).toFixed(0)}% of the floor instead of 60% (${int(0.6 * rps(floor) - rps(charter))} requests/s short)` : '', speedup < 10 ? `${speedup.toFixed(1)}x serverless-offline instead of 10x` : ''].filter(Boolean).join('; ')}.** Why: every request crosses from the gateway's thread to the context's function thread and back (a structured clone and a wake-up each way), where the floor answers on the thread that parsed it; the gateway also copies the headers, looks the JWT up in its verification cache, adds CORS and request-id headers and writes a log line, and the function checks the response against the contract (\`charter dev\` is not production). charter needs two busy threads where the floor needs one, on a machine where the load generator takes a core. What the changes bought: request bodies no longer drag Node's 8 KiB buffer pool across the thread boundary with them, requests and responses cross in batches (one message per event-loop turn), and request log lines are written together; the first run of this suite, before them, measured 43% of the floor and 9.0x serverless-offline. What would close it: a SharedArrayBuffer ring between the gateway and each function instead of postMessage, and a machine where the load generator does not share the two cores.`
    : ''
}`;
}

async function load(target: Target, body: string, seconds: number): Promise<Sample> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function checkBehaviour(targets: readonly Target[], body: string): Promise<void> {
  const post = (target: Target, payload: string, headers: Record<string, string>) =>
    fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
    });
  for (const target of targets) {
    const ok = await post(target, body, target.headers);
    if (ok.status !== 201)
      throw new Error(`${target.name}: the valid request answered ${ok.status}: ${await ok.text()}`);
    if (Object.keys(target.headers).length === 0) continue;
    const anonymous = await post(target, body, {});
    if (anonymous.status !== 401)
      throw new Error(`${target.name}: no token answered ${anonymous.status}, not 401`);
  }
  const charter = targets[1];
  const invalid = await post(charter, JSON.stringify(INVALID_ORDER), charter.headers);
  if (invalid.status !== 400)
    throw new Error(`${charter.name}: an invalid body answered ${invalid.status}, not 400`);
}

async function startServerless(bundle: string): Promise<RunningServer<{ url: string }>> {
  const dir = join(WORK, 'serverless');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'place-order'), { recursive: true });
  cpSync(bundle, join(dir, 'place-order', 'index.mjs'));
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(REPO, 'bench', 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'serverless.yml'),
    `service: charter-bench
frameworkVersion: '3'
plugins:
  - serverless-offline
provider:
  name: aws
  runtime: nodejs20.x
  region: eu-west-1
  httpApi:
    authorizers:
      devJwt:
        type: jwt
        identitySource: $request.header.Authorization
        issuerUrl: https://charter.local/dev-issuer
        audience:
          - charter-local
functions:
  placeOrder:
    handler: place-order/index.handler
    environment:
      LOG_LEVEL: warn
    events:
      - httpApi:
          method: POST
          path: /orders
          authorizer:
            name: devJwt
            scopes:
              - orders:write
`,
  );
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  const server = await startServer<Record<string, never>>(
    SERVERLESS,
    [
      'offline',
      'start',
      '--host',
      '127.0.0.1',
      '--httpPort',
      String(httpPort),
      '--lambdaPort',
      String(lambdaPort),
      '--ignoreJWTSignature',
      '--noPrependStageInUrl',
    ],
    {
      cwd: dir,
      env: {
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        SLS_DEPRECATION_DISABLE: '*',
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
      },
      readyPattern: /Server ready/,
      timeoutMs: 120_000,
    },
  );
  return { info: { url: `http://127.0.0.1:${httpPort}` }, stop: server.stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
