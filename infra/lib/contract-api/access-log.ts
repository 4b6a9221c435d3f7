/**
 * The stage's access log line: one JSON object per request, with what an operator needs to
 * follow a request from the edge (WAF, authorizer, gateway) to the function and back.
 * @module
 */
import * as apigw from 'aws-cdk-lib/aws-apigateway';

const FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  xrayTraceId: '$context.xrayTraceId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  time: '$context.requestTimeEpoch',
  method: '$context.httpMethod',
  resource: '$context.resourcePath',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integration.latency',
  integrationStatus: '$context.integration.status',
  errorType: '$context.error.responseType',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
  wafResponseCode: '$context.wafResponseCode',
  apiKeyId: '$context.identity.apiKeyId',
};

/** @example new apigw.Stage(this, 'Stage', { accessLogFormat: accessLogFormat(), ... }) */
export function accessLogFormat(): apigw.AccessLogFormat {
  return apigw.AccessLogFormat.custom(
    JSON.stringify(Object.fromEntries(Object.entries(FIELDS).map(([name, value]) => [name, value]))),
  );
}
