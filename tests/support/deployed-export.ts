/**
 * What GetExport (oas30, `extensions=apigateway`) returns for a stage deployed by charter's
 * infra: the gateway definition infra builds from the contract (integrations, authorizers,
 * draft-4 models), as API Gateway hands it back — with its server URL, its own response
 * descriptions, and without the `x-charter-*` keys it does not keep.
 * @module
 */
import { join } from 'node:path';
import { buildGatewayDefinition } from '../../infra/lib/definition/gateway-definition.ts';
import type { BoundScheme } from '../../infra/lib/definition/security.ts';
import { loadContract } from '../../platform/gateway/served-contexts.ts';

type Json = Record<string, unknown>;

/** @example const doc = await deployedExport('/repo', 'catalog', { restApiId: 'a1b2c3d4e5', stage: 'prod' }); */
export async function deployedExport(
  root: string,
  context: string,
  where: { readonly restApiId: string; readonly stage: string; readonly region?: string },
): Promise<Json> {
  const region = where.region ?? 'eu-west-1';
  const { model } = await loadContract(root, {
    name: context,
    contractFile: join(root, 'contracts', context, 'openapi.yaml'),
  });
  const arn = (name: string) =>
    `arn:aws:lambda:${region}:123456789012:function:charter-${context}-${name}:live`;
  const integrations = new Map(
    model.operations.map((op) => [
      op.operationId,
      {
        uri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn(op.operationId)}/invocations`,
        credentialsArn: `arn:aws:iam::123456789012:role/charter-${context}-invoke`,
      },
    ]),
  );
  const bound = new Map<string, BoundScheme>(
    model.securitySchemes
      .filter((s) => s.type !== 'apiKey')
      .map((s) => [
        s.name,
        {
          key: s.name,
          authorizer: {
            kind: 'lambda',
            type: 'token',
            uri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn('authorizer')}/invocations`,
            credentialsArn: `arn:aws:iam::123456789012:role/charter-${context}-authorizer`,
            identitySource: 'method.request.header.Authorization',
            resultTtlSeconds: 300,
          },
        },
      ]),
  );
  const { document, problems } = buildGatewayDefinition({ model, integrations, bound });
  // What infra would refuse to deploy cannot be a stage to compare with.
  if (problems.length > 0) throw new Error(`infra cannot deploy ${context}:\n${problems.join('\n')}`);
  const exported = JSON.parse(
    JSON.stringify(document, (key, value) => (key.startsWith('x-charter') ? undefined : value)),
  ) as Json;
  for (const item of Object.values(exported.paths as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(item)) {
      for (const status of Object.keys(operation.responses as Json))
        (operation.responses as Json)[status] = { description: `${status} response`, content: {} };
    }
  }
  return {
    openapi: '3.0.1',
    info: exported.info,
    servers: [
      {
        url: `https://${where.restApiId}.execute-api.${region}.amazonaws.com/{basePath}`,
        variables: { basePath: { default: where.stage } },
      },
    ],
    ...exported,
  };
}
