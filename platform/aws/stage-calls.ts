/**
 * The two API Gateway calls charter makes on a deployed stage: GetSdk (API Gateway's own
 * generated client SDK, a zip) and GetExport (the stage's definition as OpenAPI 3.0 with the
 * API Gateway extensions). Failures come back as CLI-ready messages, never as throws.
 * @module
 */
import { type APIGatewayClient, GetExportCommand, GetSdkCommand } from '@aws-sdk/client-api-gateway';
import { regionOf } from './api-gateway-client.ts';
import { type AwsFailure, describeAwsFailure } from './aws-failure.ts';

export interface Stage {
  readonly restApiId: string;
  readonly stage: string;
}

export type CallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: AwsFailure };

export interface SdkArchive {
  readonly zip: Buffer;
  readonly contentType?: string;
}

/**
 * @param parameters the SDK type's properties (`classPrefix`, `javaPackageName`, ...)
 * @example const result = await getSdkArchive(client, { restApiId: 'a1b2c3', stage: 'prod' }, 'javascript', {});
 */
export async function getSdkArchive(
  client: APIGatewayClient,
  stage: Stage,
  sdkType: string,
  parameters: Readonly<Record<string, string>>,
): Promise<CallResult<SdkArchive>> {
  try {
    const out = await client.send(
      new GetSdkCommand({
        restApiId: stage.restApiId,
        stageName: stage.stage,
        sdkType,
        parameters: { ...parameters },
      }),
    );
    return {
      ok: true,
      value: { zip: Buffer.from(out.body ?? new Uint8Array()), contentType: out.contentType },
    };
  } catch (error) {
    return { ok: false, failure: await failure(client, error, 'GetSdk', stage, `sdks/${sdkType}`) };
  }
}

/**
 * The stage as OpenAPI 3.0 JSON, with every API Gateway extension (`extensions=apigateway`:
 * integrations, authorizers, validators, gateway responses).
 * @example const result = await getStageExport(client, { restApiId: 'a1b2c3', stage: 'prod' });
 */
export async function getStageExport(
  client: APIGatewayClient,
  stage: Stage,
): Promise<CallResult<Record<string, unknown>>> {
  let body: Uint8Array | undefined;
  try {
    const out = await client.send(
      new GetExportCommand({
        restApiId: stage.restApiId,
        stageName: stage.stage,
        exportType: 'oas30',
        accepts: 'application/json',
        parameters: { extensions: 'apigateway' },
      }),
    );
    body = out.body;
  } catch (error) {
    return { ok: false, failure: await failure(client, error, 'GetExport', stage, 'exports/oas30') };
  }
  const text = Buffer.from(body ?? new Uint8Array()).toString('utf8');
  try {
    const document = JSON.parse(text) as unknown;
    if (document !== null && typeof document === 'object' && !Array.isArray(document))
      return { ok: true, value: document as Record<string, unknown> };
  } catch {
    // reported below
  }
  return {
    ok: false,
    failure: {
      exitCode: 2,
      message: `GetExport: REST API ${stage.restApiId}, stage ${stage.stage} answered with something that is not an OpenAPI JSON document (${text.slice(0, 80) || 'an empty body'}); is --endpoint an API Gateway endpoint?`,
    },
  };
}

async function failure(
  client: APIGatewayClient,
  error: unknown,
  operation: string,
  stage: Stage,
  resource: string,
): Promise<AwsFailure> {
  const configured = client.config.endpoint ? await client.config.endpoint() : undefined;
  const endpoint = configured
    ? `${configured.protocol}//${configured.hostname}${configured.port ? `:${configured.port}` : ''}`
    : undefined;
  return describeAwsFailure(error, {
    operation,
    restApiId: stage.restApiId,
    stage: stage.stage,
    resource,
    region: await regionOf(client),
    endpoint,
  });
}
