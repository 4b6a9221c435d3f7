/**
 * A loopback server speaking API Gateway's REST wire protocol (the `apigateway` control plane,
 * restJson1) for GetSdk and GetExport, so charter's AWS commands run with the real
 * @aws-sdk/client-api-gateway client: real SigV4 signing (checked here independently, with the
 * secret key, service `apigateway` and the region), real paths and query strings, and errors in
 * API Gateway's shape (`x-amzn-ErrorType` plus `{"message"}`), Retry-After on throttling.
 * @module
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSigV4 } from './sigv4-check.ts';

type Json = Record<string, unknown>;

export interface FakeStage {
  /** What GetExport answers (oas30 JSON). */
  readonly export?: Json;
  /** GetSdk archives by sdkType; any body works, so tests can send a broken zip too. */
  readonly sdks?: Readonly<Record<string, Buffer>>;
}

/** How the service treats every request for an API: to script its failures. */
export type Refusal = 'throttle' | 'access-denied' | 'unauthorized';

export interface FakeApi {
  readonly stages: Readonly<Record<string, FakeStage>>;
  readonly refuse?: Refusal;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The status the server answered with. */
  status: number;
}

export interface ApiGatewayServer {
  readonly url: string;
  readonly region: string;
  readonly requests: RecordedRequest[];
  /** Environment for a child process: static credentials, the region, no profile or IMDS lookups. */
  env(overrides?: Record<string, string | undefined>): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIACHARTERTEST00001',
  secretAccessKey: 'charter/test/secret/key/for/the/loopback/server',
} as const;

const ACCOUNT = '123456789012';
/** What GetSdk requires per sdkType (API Gateway's documented required properties). */
const REQUIRED_SDK_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  javascript: [],
  java: ['serviceName', 'javaPackageName'],
  android: ['groupId', 'artifactId', 'artifactVersion', 'invokerPackage'],
  objectivec: ['classPrefix'],
  swift: ['classPrefix'],
  ruby: ['service.name'],
};

/** @example const aws = await startApiGatewayServer({ apis: { a1b2c3: { stages: { prod: { export: doc } } } } }); */
export async function startApiGatewayServer(options: {
  readonly apis: Readonly<Record<string, FakeApi>>;
  /** @default 'eu-west-1' */
  readonly region?: string;
}): Promise<ApiGatewayServer> {
  const region = options.region ?? 'eu-west-1';
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
      ),
      status: 0,
    };
    requests.push(recorded);
    req.resume();
    req.on('end', () => {
      const reply = handle(req, url, options.apis, region);
      recorded.status = reply.status;
      res.writeHead(reply.status, { 'x-amzn-RequestId': `req-${requests.length}`, ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    region,
    requests,
    env(overrides = {}) {
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const key of Object.keys(env)) if (key.startsWith('AWS_')) delete env[key];
      Object.assign(env, {
        AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        AWS_REGION: region,
        // Nothing from this machine's AWS setup may leak in, and no instance metadata lookups.
        AWS_CONFIG_FILE: '/nonexistent/charter-test/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/charter-test/credentials',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_MAX_ATTEMPTS: '2',
      });
      for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) delete env[key];
        else env[key] = value;
      }
      return env;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer | string;
}

const answer = (status: number, headers: Record<string, string>, body: Buffer | string): Reply => ({
  status,
  headers,
  body,
});

/** API Gateway's error shape: the type in `x-amzn-ErrorType` (with its namespace), the text in `message`. */
const error = (status: number, type: string, message: string, extra: Record<string, string> = {}): Reply =>
  answer(
    status,
    {
      'Content-Type': 'application/json',
      'x-amzn-ErrorType': `${type}:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/`,
      ...extra,
    },
    JSON.stringify({ message }),
  );

function handle(
  req: IncomingMessage,
  url: URL,
  apis: Readonly<Record<string, FakeApi>>,
  region: string,
): Reply {
  const signature = checkSigV4(req, url, { region, service: 'apigateway', ...TEST_CREDENTIALS });
  if (signature) return error(403, signature.type, signature.message);
  const match = /^\/restapis\/([^/]+)\/stages\/([^/]+)\/(sdks|exports)\/([^/]+)$/.exec(url.pathname);
  if (req.method !== 'GET' || !match)
    return error(404, 'UnknownOperationException', `No operation for ${req.method} ${url.pathname}`);
  const [, restApiId, stageName, kind, type] = match.map(decodeURIComponent);
  const api = apis[restApiId];
  if (!api)
    return error(404, 'NotFoundException', `Invalid API identifier specified ${ACCOUNT}:${restApiId}`);
  const resource = `arn:aws:apigateway:${region}::/restapis/${restApiId}/stages/${stageName}/${kind}/${type}`;
  if (api.refuse === 'throttle')
    return error(429, 'TooManyRequestsException', 'Too Many Requests', { 'Retry-After': '1' });
  if (api.refuse === 'access-denied')
    return error(
      403,
      'AccessDeniedException',
      `User: arn:aws:iam::${ACCOUNT}:user/ci is not authorized to perform: apigateway:GET on resource: ${resource}`,
    );
  if (api.refuse === 'unauthorized') return error(401, 'UnauthorizedException', 'Unauthorized');
  const stage = api.stages[stageName];
  if (!stage) return error(404, 'NotFoundException', 'Invalid stage identifier specified');

  if (kind === 'exports') {
    if (type !== 'oas30' && type !== 'swagger')
      return error(400, 'BadRequestException', `Invalid export type ${type}`);
    const accept = req.headers.accept ?? '';
    if (!/application\/json/.test(accept))
      return error(
        400,
        'BadRequestException',
        `Unsupported Accept header "${accept}"; use application/json or application/yaml`,
      );
    if (!stage.export) return error(404, 'NotFoundException', 'No export for this stage');
    const extensions = url.searchParams.get('extensions');
    const document = extensions ? stage.export : withoutExtensions(stage.export);
    return answer(
      200,
      {
        'Content-Type': 'application/json',
        'Content-Disposition': `attachment; filename="${restApiId}-${stageName}-oas30.json"`,
      },
      JSON.stringify(document),
    );
  }
  const required = REQUIRED_SDK_PARAMETERS[type];
  if (!required) return error(404, 'NotFoundException', `Invalid SDK type specified: ${type}`);
  const missing = required.filter((name) => !url.searchParams.get(name));
  if (missing.length > 0)
    return error(
      400,
      'BadRequestException',
      `Missing required parameter(s) for ${type} SDK: ${missing.join(', ')}`,
    );
  const zip = stage.sdks?.[type];
  if (!zip) return error(404, 'NotFoundException', `No ${type} SDK for this stage`);
  return answer(
    200,
    {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${restApiId}_${stageName}_${type}.zip"`,
    },
    zip,
  );
}

/** The export without `x-amazon-apigateway-*` keys, as GetExport answers without `extensions`. */
function withoutExtensions(document: Json): Json {
  return JSON.parse(
    JSON.stringify(document, (key, value) => (key.startsWith('x-amazon-apigateway') ? undefined : value)),
  ) as Json;
}
