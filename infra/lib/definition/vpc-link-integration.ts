/**
 * The `x-amazon-apigateway-integration` of an operation served by a container: an HTTP proxy
 * through the VPC link to the context's Network Load Balancer. What the Lambda adapter reads from
 * the event (request id, the authorizer's verified identity, the API key id) is mapped into
 * headers the production server trusts (platform/runtime/adapters/http/trusted-identity.ts).
 * API Gateway sets mapped headers itself, so a client cannot supply its own.
 * @module
 */
import type { OperationModel } from '../../../platform/codegen/model/model.ts';
import { IDENTITY_HEADERS } from '../../../platform/runtime/adapters/http/trusted-identity.ts';
import type { VpcLinkIntegrationTarget } from './gateway-definition.ts';
import type { BoundScheme } from './security.ts';

type Json = Record<string, unknown>;

/** Where each kind of authorizer leaves the subject and the scopes. */
const IDENTITY_SOURCES = {
  cognito: { subject: 'context.authorizer.claims.sub', scope: 'context.authorizer.claims.scope' },
  lambda: { subject: 'context.authorizer.principalId', scope: 'context.authorizer.scope' },
} as const;

/**
 * @param security the operation's `security` in the definition (undefined: public)
 * @example vpcLinkIntegration({ kind: 'vpc-link', connectionId: 'abc', baseUrl: 'http://nlb' }, op, undefined, new Map())
 */
export function vpcLinkIntegration(
  target: VpcLinkIntegrationTarget,
  op: OperationModel,
  security: readonly Json[] | undefined,
  bound: ReadonlyMap<string, BoundScheme>,
): Json {
  const requestParameters: Record<string, string> = {
    'integration.request.header.x-request-id': 'context.requestId',
  };
  for (const p of op.parameters.filter((p) => p.in === 'path'))
    requestParameters[`integration.request.path.${p.name}`] = `method.request.path.${p.name}`;
  for (const key of new Set((security ?? []).flatMap((requirement) => Object.keys(requirement)))) {
    const scheme = [...bound.values()].find((b) => b.key === key);
    if (scheme) {
      const source = IDENTITY_SOURCES[scheme.authorizer.kind];
      requestParameters[`integration.request.header.${IDENTITY_HEADERS.subject}`] = source.subject;
      requestParameters[`integration.request.header.${IDENTITY_HEADERS.scope}`] = source.scope;
    } else {
      requestParameters[`integration.request.header.${IDENTITY_HEADERS.apiKeyId}`] =
        'context.identity.apiKeyId';
    }
  }
  return {
    type: 'http_proxy',
    httpMethod: op.method.toUpperCase(),
    uri: `${target.baseUrl}${op.path}`,
    connectionType: 'VPC_LINK',
    connectionId: target.connectionId,
    passthroughBehavior: 'when_no_match',
    requestParameters,
  };
}
