/**
 * The API Gateway (REST, v1) client charter's AWS commands share. Region and credentials come
 * from the standard AWS SDK chain (environment, shared config and credentials files, SSO,
 * container and instance roles), so charter needs no settings of its own; `--endpoint` points it
 * at a private endpoint or a test server.
 * @module
 */
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';

export interface ApiGatewayOptions {
  /** e.g. `https://vpce-0abc.apigateway.eu-west-1.vpce.amazonaws.com`. @default AWS's regional endpoint */
  readonly endpoint?: string;
}

/**
 * @example const client = apiGatewayClient({ endpoint: process.env.CHARTER_APIGATEWAY_ENDPOINT });
 */
export function apiGatewayClient(options: ApiGatewayOptions = {}): APIGatewayClient {
  // charter pins its SDK version; the SDK's notice about Node versions of *future* releases would
  // otherwise open every command's output. An explicit setting of the variable still wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new APIGatewayClient({
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    customUserAgent: 'charter',
  });
}

/**
 * The region the client resolved, or undefined when the chain has none.
 * @example await regionOf(apiGatewayClient()) // 'eu-west-1'
 */
export async function regionOf(client: APIGatewayClient): Promise<string | undefined> {
  try {
    return await client.config.region();
  } catch {
    return undefined;
  }
}

/**
 * Checks an `--endpoint` value before any request is made.
 * @returns what is wrong with it, or undefined when it is usable
 * @example endpointProblem('localhost:4566') // 'give a URL with its scheme, e.g. https://localhost:4566'
 */
export function endpointProblem(value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) return '--endpoint needs a URL, e.g. https://apigateway.eu-west-1.amazonaws.com';
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
  } catch {
    // reported below
  }
  return `--endpoint "${value}" is not an http(s) URL; give one with its scheme, e.g. https://${value.replace(/^\w+:\/\//, '')}`;
}
