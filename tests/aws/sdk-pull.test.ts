/**
 * `charter sdk pull` against a loopback server speaking API Gateway's REST wire protocol
 * (GetSdk and GetExport), with the real @aws-sdk/client-api-gateway client: real SigV4 signing,
 * checked by the server with the secret key; real response parsing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogVersion, jsSdk, type SdkStages, startSdkStages } from './sdk-pull-stages.ts';

let stages: SdkStages;
let out: string;
beforeAll(async () => {
  stages = await startSdkStages();
  out = stages.out;
});
afterAll(() => stages?.close());

const pull: SdkStages['pull'] = (args, env) => stages.pull(args, env);
const pullHere: SdkStages['pullHere'] = (args, env) => stages.pullHere(args, env);
const since = () => stages.since();

describe('charter sdk pull', () => {
  it('fetches the javascript SDK with a signed GetSdk, unpacks it and records the contract it matches', async () => {
    const seen = since();
    const dir = join(out, 'js');
    const run = await pull([
      'catalog',
      '--lang',
      'javascript',
      '--rest-api-id',
      'a1b2c3d4e5',
      '--stage',
      'prod',
      '--out',
      dir,
    ]);
    expect(run.stderr).toContain('javascript SDK of a1b2c3d4e5/prod unpacked to');
    expect(run.code).toBe(0);
    const [getSdk, getExport] = seen();
    expect(getSdk).toMatchObject({
      method: 'GET',
      path: '/restapis/a1b2c3d4e5/stages/prod/sdks/javascript',
      status: 200,
    });
    expect(getSdk.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIACHARTERTEST00001\/\d{8}\/eu-west-1\/apigateway\/aws4_request, SignedHeaders=[^,]*host[^,]*x-amz-date/,
    );
    expect(getExport).toMatchObject({ path: '/restapis/a1b2c3d4e5/stages/prod/exports/oas30', status: 200 });
    expect(getExport.headers.accept).toBe('application/json');

    // The archive's single top folder is the output folder.
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'apigClient.js', 'charter-sdk.json', 'lib']);
    expect(readFileSync(join(dir, 'lib/url-template/url-template.js'), 'utf8')).toBe('export {};\n');
    const record = JSON.parse(readFileSync(join(dir, 'charter-sdk.json'), 'utf8'));
    expect(record).toMatchObject({
      context: 'catalog',
      language: 'javascript',
      restApiId: 'a1b2c3d4e5',
      stage: 'prod',
      parameters: {},
      contract: { file: 'contracts/catalog/openapi.yaml', title: 'Catalog API', version: catalogVersion },
      deployed: { title: 'Catalog API (catalog)', version: catalogVersion },
      matchesContract: true,
      archive: { bytes: jsSdk.length, files: 3, root: 'apiGateway-js-sdk' },
    });
    expect(record.contract.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(record.archive.sha256).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('exits the process with the failure code and a message naming the API and stage', async () => {
    const dir = join(out, 'binary-not-found');
    const run = await pull([
      'catalog',
      '--lang',
      'javascript',
      '--rest-api-id',
      'nope000000',
      '--stage',
      'prod',
      '--out',
      dir,
    ]);
    expect(run.stderr).toContain(
      'charter sdk pull: GetSdk: REST API nope000000, stage prod in eu-west-1 was not found',
    );
    expect(run.code).toBe(3);
    expect(existsSync(dir)).toBe(false);
  });

  it('sends the properties Java needs, derived from the npm scope and the contract, and --param overrides them', async () => {
    const seen = since();
    const dir = join(out, 'java');
    const run = await pullHere([
      'catalog',
      '--lang',
      'java',
      '--rest-api-id',
      'a1b2c3d4e5',
      '--stage',
      'prod',
      '--out',
      dir,
      '--param',
      'javaBuildSystem=gradle',
    ]);
    expect(run.code).toBe(0);
    expect(seen()[0].query).toEqual({
      serviceName: 'Catalog',
      javaPackageName: 'shop.catalog',
      javaGroupId: 'shop',
      javaArtifactId: 'catalog-sdk',
      javaArtifactVersion: catalogVersion,
      javaBuildSystem: 'gradle',
    });
    expect(existsSync(join(dir, 'src/main/java/shop/catalog/Catalog.java'))).toBe(true);
  });

  it('replaces its own earlier pull, and warns when the stage runs another version than the contract', async () => {
    const dir = join(out, 'again');
    expect(
      (
        await pullHere([
          'catalog',
          '--lang',
          'java',
          '--rest-api-id',
          'a1b2c3d4e5',
          '--stage',
          'prod',
          '--out',
          dir,
        ])
      ).code,
    ).toBe(0);
    const run = await pullHere([
      'catalog',
      '--lang',
      'javascript',
      '--rest-api-id',
      'a1b2c3d4e5',
      '--stage',
      'old',
      '--out',
      dir,
    ]);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'pom.xml'))).toBe(false);
    expect(run.stderr).toContain(
      `stage old runs version 0.9.0 but contracts/catalog/openapi.yaml is ${catalogVersion}`,
    );
    expect(JSON.parse(readFileSync(join(dir, 'charter-sdk.json'), 'utf8')).matchesContract).toBe(false);
  });

  it('refuses to unpack into a folder it did not write, before calling AWS', async () => {
    const dir = join(out, 'someone-elses');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const seen = since();
    const run = await pullHere([
      'catalog',
      '--lang',
      'javascript',
      '--rest-api-id',
      'a1b2c3d4e5',
      '--stage',
      'prod',
      '--out',
      dir,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'was not written by charter sdk pull (it has no charter-sdk.json); refusing to replace it',
    );
    expect(seen()).toEqual([]);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses archive entries that would land outside the output folder', async () => {
    const dir = join(out, 'evil');
    const run = await pullHere([
      'catalog',
      '--lang',
      'javascript',
      '--rest-api-id',
      'a1b2c3d4e5',
      '--stage',
      'evil',
      '--out',
      dir,
    ]);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain(
      'sdk/../../escaped.js: the entry would be written outside the output folder',
    );
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(join(out, 'escaped.js'))).toBe(false);
  });
});
