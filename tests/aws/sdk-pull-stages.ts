/**
 * The API Gateway stages the `charter sdk pull` tests pull from, on a loopback server speaking
 * API Gateway's REST wire protocol: real SDK archives (zips built here), a stage that runs an
 * older version, a hostile archive, and APIs whose every request is throttled or refused.
 * @module
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { type ApiGatewayServer, startApiGatewayServer } from '../support/api-gateway-server.ts';
import { charterInProcess } from '../support/charter-in-process.ts';
import { type CharterRun, runCharter } from '../support/run-charter.ts';
import { writeZip } from '../support/zip-writer.ts';

export const catalogVersion = String(
  parse(readFileSync('contracts/catalog/openapi.yaml', 'utf8')).info.version,
);
export const jsSdk = writeZip([
  { path: 'apiGateway-js-sdk/apigClient.js', data: 'var apigClientFactory = {};\n'.repeat(40) },
  { path: 'apiGateway-js-sdk/lib/url-template/url-template.js', data: 'export {};\n', method: 'stored' },
  { path: 'apiGateway-js-sdk/README.md', data: '# Catalog API\n' },
]);
const javaSdk = writeZip([
  { path: 'Catalog-1.0.0/pom.xml', data: '<project/>\n' },
  { path: 'Catalog-1.0.0/src/main/java/shop/catalog/Catalog.java', data: 'package shop.catalog;\n' },
]);
const exported = (version: string) => ({
  openapi: '3.0.1',
  info: { title: 'Catalog API (catalog)', version },
  servers: [{ url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/{basePath}' }],
  paths: {},
});

type Env = Record<string, string | undefined>;

export interface SdkStages {
  readonly aws: ApiGatewayServer;
  /** A folder under .charter/tmp for the pulled SDKs. */
  readonly out: string;
  /** The binary, end to end: a child process with its own environment. */
  pull(args: string[], env?: Env): Promise<CharterRun>;
  /** The same entry point in this process, for the many cases that only differ in their input. */
  pullHere(args: string[], env?: Env): Promise<CharterRun>;
  /** The requests made since this call, when read. */
  since(): () => ApiGatewayServer['requests'];
  close(): Promise<void>;
}

/** @example const stages = await startSdkStages(); ...; await stages.close(); */
export async function startSdkStages(): Promise<SdkStages> {
  const aws = await startApiGatewayServer({
    apis: {
      a1b2c3d4e5: {
        stages: {
          prod: {
            export: exported(catalogVersion),
            sdks: { javascript: jsSdk, java: javaSdk, swift: jsSdk, ruby: Buffer.from('not a zip at all') },
          },
          old: { export: exported('0.9.0'), sdks: { javascript: jsSdk } },
          evil: { sdks: { javascript: writeZip([{ path: 'sdk/../../escaped.js', data: 'boom' }]) } },
        },
      },
      throttled0001: { stages: { prod: {} }, refuse: 'throttle' },
      denied000001: { stages: { prod: {} }, refuse: 'access-denied' },
      unauthorized: { stages: { prod: {} }, refuse: 'unauthorized' },
    },
  });
  const out = resolve('.charter/tmp', `sdk-pull-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(out, { recursive: true });
  return {
    aws,
    out,
    pull: (args, env) => runCharter(['sdk', 'pull', ...args, '--endpoint', aws.url], { env: aws.env(env) }),
    pullHere: (args, env) => charterInProcess(['sdk', 'pull', ...args, '--endpoint', aws.url], aws.env(env)),
    since() {
      const mark = aws.requests.length;
      return () => aws.requests.slice(mark);
    },
    async close() {
      await aws.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
