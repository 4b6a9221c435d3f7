/**
 * `charter sdk pull` when the service refuses, the credentials or region are wrong, or the
 * arguments are: each becomes one clear message and its exit code. Against a loopback server
 * speaking API Gateway's REST wire protocol, with the real @aws-sdk/client-api-gateway client.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charterInProcess } from '../support/charter-in-process.ts';
import { type SdkStages, startSdkStages } from './sdk-pull-stages.ts';

let stages: SdkStages;
let out: string;
beforeAll(async () => {
  stages = await startSdkStages();
  out = stages.out;
});
afterAll(() => stages?.close());

const pullHere: SdkStages['pullHere'] = (args, env) => stages.pullHere(args, env);

describe('charter sdk pull, when something is wrong', () => {
  it.each([
    {
      name: 'an unknown REST API is "not found" (exit 3)',
      args: ['--lang', 'javascript', '--rest-api-id', 'nope000000', '--stage', 'prod'],
      code: 3,
      message:
        'GetSdk: REST API nope000000, stage prod in eu-west-1 was not found (AWS said: Invalid API identifier specified 123456789012:nope000000). Check --rest-api-id and --stage',
    },
    {
      name: 'an unknown stage is "not found" (exit 3)',
      args: ['--lang', 'javascript', '--rest-api-id', 'a1b2c3d4e5', '--stage', 'staging'],
      code: 3,
      message:
        'REST API a1b2c3d4e5, stage staging in eu-west-1 was not found (AWS said: Invalid stage identifier specified)',
    },
    {
      name: 'throttling, after the SDK retried, is "try later" (exit 5)',
      args: ['--lang', 'javascript', '--rest-api-id', 'throttled0001', '--stage', 'prod'],
      code: 5,
      message:
        'GetSdk: API Gateway is throttling or unavailable for REST API throttled0001, stage prod in eu-west-1 (TooManyRequestsException, after 2 attempt(s); AWS said: Too Many Requests). AWS asked to wait 1 s.',
    },
    {
      name: 'a missing IAM permission is "access denied" naming the resource (exit 4)',
      args: ['--lang', 'javascript', '--rest-api-id', 'denied000001', '--stage', 'prod'],
      code: 4,
      message:
        'allow apigateway:GET on arn:aws:apigateway:eu-west-1::/restapis/denied000001/stages/prod/sdks/javascript',
    },
    {
      name: 'UnauthorizedException is "access denied" (exit 4)',
      args: ['--lang', 'javascript', '--rest-api-id', 'unauthorized', '--stage', 'prod'],
      code: 4,
      message:
        'AWS refused the request on REST API unauthorized, stage prod in eu-west-1 (UnauthorizedException; AWS said: Unauthorized)',
    },
    {
      name: 'a property API Gateway needs, left empty, is refused as invalid (exit 2)',
      args: [
        '--lang',
        'java',
        '--rest-api-id',
        'a1b2c3d4e5',
        '--stage',
        'prod',
        '--param',
        'javaPackageName=',
      ],
      code: 2,
      message:
        'refused the request for REST API a1b2c3d4e5, stage prod in eu-west-1 as invalid (AWS said: Missing required parameter(s) for java SDK: javaPackageName)',
    },
    {
      name: 'an archive that is not a zip cannot be unpacked (exit 5)',
      args: ['--lang', 'ruby', '--rest-api-id', 'a1b2c3d4e5', '--stage', 'prod'],
      code: 5,
      message:
        'the ruby SDK archive of REST API a1b2c3d4e5, stage prod cannot be unpacked: not a zip archive',
    },
  ])('$name', async ({ args, code, message }) => {
    const run = await pullHere(['catalog', ...args, '--out', join(out, `failed-${code}-${Math.random()}`)]);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(code);
  });

  it.each([
    {
      name: 'a wrong secret key fails the signature check (exit 4)',
      env: { AWS_SECRET_ACCESS_KEY: 'not-the-secret' },
      code: 4,
      message: '(InvalidSignatureException; AWS said: The request signature we calculated does not match',
    },
    {
      name: 'signing for another region is refused (exit 4)',
      env: { AWS_REGION: 'us-east-1' },
      code: 4,
      message:
        'Credential should be scoped to a valid region and service: expected eu-west-1/apigateway, got us-east-1/apigateway',
    },
    {
      name: 'no credentials anywhere in the chain (exit 4)',
      env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined },
      code: 4,
      message: 'GetSdk: no AWS credentials found',
    },
    {
      name: 'no region anywhere in the chain (exit 2)',
      env: { AWS_REGION: undefined },
      code: 2,
      message: 'GetSdk: no AWS region configured. Set AWS_REGION',
    },
  ])('$name', async ({ env, code, message }) => {
    const run = await pullHere(
      [
        'catalog',
        '--lang',
        'javascript',
        '--rest-api-id',
        'a1b2c3d4e5',
        '--stage',
        'prod',
        '--out',
        join(out, `env-${code}-${Math.random()}`),
      ],
      env,
    );
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(code);
  });

  it('says when API Gateway cannot be reached at all (exit 5)', async () => {
    const closed = 'http://127.0.0.1:9';
    const run = await charterInProcess(
      [
        'sdk',
        'pull',
        'catalog',
        '--lang',
        'javascript',
        '--rest-api-id',
        'a1b2c3d4e5',
        '--stage',
        'prod',
        '--endpoint',
        closed,
      ],
      stages.aws.env(),
    );
    expect(run.stderr).toContain(`GetSdk: cannot reach API Gateway at ${closed} (ECONNREFUSED`);
    expect(run.code).toBe(5);
  });

  it('refuses an --endpoint that is not a URL before calling anything (exit 2)', async () => {
    const run = await charterInProcess(
      [
        'sdk',
        'pull',
        'catalog',
        '--lang',
        'javascript',
        '--rest-api-id',
        'a',
        '--stage',
        'p',
        '--endpoint',
        'localhost:4566',
      ],
      stages.aws.env(),
    );
    expect(run.stderr).toContain(
      '--endpoint "localhost:4566" is not an http(s) URL; give one with its scheme, e.g. https://localhost:4566',
    );
    expect(run.code).toBe(2);
  });

  it.each([
    [
      ['catalog', '--rest-api-id', 'a', '--stage', 'p'],
      '--lang must be one of javascript, java, android, objectivec, swift, ruby',
    ],
    [['catalog', '--lang', 'cobol', '--rest-api-id', 'a', '--stage', 'p'], '(got "cobol")'],
    [['nowhere', '--lang', 'java', '--rest-api-id', 'a', '--stage', 'p'], 'no contract for "nowhere"'],
    [['catalog', '--lang', 'java', '--stage', 'p'], '--rest-api-id needs the REST API id'],
    [['catalog', '--lang', 'java', '--rest-api-id', 'a'], '--stage needs the stage name'],
    [
      ['catalog', '--lang', 'java', '--rest-api-id', 'a', '--stage', 'p', '--param', 'novalue'],
      '--param "novalue" is not name=value',
    ],
  ])('refuses unusable arguments: %j', async (args, message) => {
    const run = await charterInProcess(['sdk', 'pull', ...args], stages.aws.env());
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });
});
