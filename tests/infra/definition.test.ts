/**
 * The gateway definition, built from contract models alone (no synthesis): what the gateway
 * checks in draft 4, what it leaves to the function, the problem+json gateway responses, and the
 * security mapping with the contract shapes API Gateway cannot enforce.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toDraft4 } from '../../infra/lib/definition/draft4.ts';
import { buildGatewayDefinition } from '../../infra/lib/definition/gateway-definition.ts';
import { gatewayResponses } from '../../infra/lib/definition/gateway-responses.ts';
import { gatewayValidation } from '../../infra/lib/definition/request-validation.ts';
import { type BoundScheme, gatewaySecurity } from '../../infra/lib/definition/security.ts';
import type { ContractModel } from '../../platform/codegen/model/model.ts';
import { exampleContexts } from './support/fixtures.ts';

type Json = Record<string, unknown>;

const models = new Map<string, ContractModel>();
beforeAll(async () => {
  for (const { model } of await exampleContexts()) models.set(model.context, model);
});
const model = (name: string) => models.get(name) as ContractModel;

const jwt: BoundScheme = {
  key: 'bearerAuth',
  authorizer: {
    kind: 'lambda',
    type: 'token',
    uri: 'uri',
    credentialsArn: 'role',
    identitySource: 'method.request.header.Authorization',
    resultTtlSeconds: 300,
  },
};
const cognito: BoundScheme = { key: 'bearerAuth', authorizer: { kind: 'cognito', providerArns: ['pool'] } };

function definitionOf(m: ContractModel, bound = new Map([['bearerAuth', jwt]])) {
  const integrations = new Map(
    m.operations.map((op) => [op.operationId, { uri: `uri:${op.operationId}`, credentialsArn: 'invoke' }]),
  );
  return buildGatewayDefinition({ model: m, integrations, bound });
}

describe('draft-4 models: never stricter than the contract', () => {
  const cases: [string, { given: unknown; want: Json | undefined; lambdaOnly?: string[] }][] = [
    [
      'keeps what draft 4 says',
      {
        given: { type: 'string', minLength: 1, maxLength: 5, pattern: '^[a-z]+$' },
        want: { type: 'string', minLength: 1, maxLength: 5, pattern: '^[a-z]+$' },
      },
    ],
    [
      'leaves format to the function',
      {
        given: { type: 'string', format: 'uuid' },
        want: { type: 'string' },
        lambdaOnly: ['(root): format "uuid"'],
      },
    ],
    ['spells const as a one-value enum', { given: { const: 'card' }, want: { enum: ['card'] } }],
    [
      'checks a 2020-12 exclusive bound inclusively',
      {
        given: { type: 'number', exclusiveMinimum: 0 },
        want: { type: 'number', minimum: 0 },
        lambdaOnly: ['(root): exclusiveMinimum 0 (the gateway checks it inclusively)'],
      },
    ],
    [
      'drops a type list (nullable) instead of guessing',
      {
        given: { type: ['string', 'null'], maxLength: 3 },
        want: { maxLength: 3 },
        lambdaOnly: ['(root): type ["string","null"]'],
      },
    ],
    [
      'drops oneOf whole: a loosened branch would make it stricter',
      {
        given: { oneOf: [{ type: 'string', format: 'email' }, { type: 'string' }] },
        want: undefined,
        lambdaOnly: ['(root): oneOf'],
      },
    ],
    [
      'drops not whole',
      { given: { not: { type: 'string', format: 'email' } }, want: undefined, lambdaOnly: ['(root): not'] },
    ],
    [
      'keeps patterns a Java regex reads the same, drops the others',
      {
        given: { type: 'string', pattern: '(?<=a)b' },
        want: { type: 'string' },
        lambdaOnly: ['(root): pattern "(?<=a)b"'],
      },
    ],
    [
      'omits an empty required list (draft 4 forbids it)',
      { given: { type: 'object', required: [] }, want: { type: 'object' } },
    ],
    [
      'keeps property names while additionalProperties is false',
      {
        given: { type: 'object', additionalProperties: false, properties: { a: { format: 'date' } } },
        want: { type: 'object', additionalProperties: false, properties: { a: {} } },
        lambdaOnly: ['/a: format "date"'],
      },
    ],
    [
      'drops additionalProperties: false beside patternProperties it cannot say',
      {
        given: { type: 'object', additionalProperties: false, patternProperties: { '^x-': {} } },
        want: { type: 'object' },
        lambdaOnly: ['(root): patternProperties'],
      },
    ],
    [
      'cuts recursion at the first repeat',
      {
        given: { $ref: '#/$defs/node' },
        want: { type: 'object', properties: { children: { type: 'array' } } },
        lambdaOnly: ['/children/*: recursive schema #/$defs/node'],
      },
    ],
  ];
  const document = {
    $defs: {
      node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } },
    },
  };
  it.each(cases)('%s', (_name, { given, want, lambdaOnly = [] }) => {
    const result = toDraft4(given, document);
    expect(result.schema).toEqual(want);
    expect(result.lambdaOnly).toEqual(lambdaOnly);
  });

  it('gives a schema too large for a gateway model up to the function', () => {
    const result = toDraft4(
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      {},
      { maxNodes: 2 },
    );
    expect(result.schema).toBeUndefined();
    expect(result.lambdaOnly).toEqual(['(root): the whole schema (too large for a gateway model)']);
  });
});

describe('request validation split between gateway and function', () => {
  it('checks a required JSON body at the gateway and names what the function checks alone', () => {
    const placeOrder = model('orders').operations.find((op) => op.operationId === 'placeOrder');
    const checks = gatewayValidation(model('orders'), placeOrder!);
    expect(checks.validator).toBe('body');
    expect(checks.bodyModel?.schema).toMatchObject({
      type: 'object',
      required: ['lines', 'shippingAddress', 'payment'],
    });
    expect(checks.lambdaOnly).toContain('body /lines/*/productId: format "uuid"');
    expect(checks.lambdaOnly).toContain('body /payment: oneOf');
  });

  it('leaves an optional body to the function (the gateway would refuse an absent one)', () => {
    const cancel = model('orders').operations.find((op) => op.operationId === 'cancelOrder');
    const checks = gatewayValidation(model('orders'), cancel!);
    expect(checks.bodyModel).toBeUndefined();
    expect(checks.validator).toBeUndefined();
    expect(checks.lambdaOnly).toContain('optional application/json body');
  });

  it('declares every operation with its validator, model and x-charter-validation', () => {
    const { document, problems } = definitionOf(model('catalog'));
    expect(problems).toEqual([]);
    const paths = document.paths as Record<string, Record<string, Json>>;
    expect(paths['/products'].post['x-amazon-apigateway-request-validator']).toBe('body');
    expect(paths['/products'].post.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateProductBody' } } },
    });
    expect(paths['/products'].get['x-amazon-apigateway-request-validator']).toBeUndefined();
    expect(paths['/products'].get['x-charter-validation']).toEqual({
      gateway: [],
      lambdaOnly: ['parameter values: decoding, types, formats and ranges'],
    });
    expect(Object.keys((document.components as Json).schemas as Json).sort()).toEqual([
      'CreateProductBody',
      'UpdateProductBody',
    ]);
    expect(document['x-amazon-apigateway-request-validators']).toMatchObject({
      all: { validateRequestBody: true, validateRequestParameters: true },
    });
  });
});

describe('gateway responses', () => {
  it('answers every gateway error as problem+json with the core problem types', () => {
    const responses = gatewayResponses('Bearer') as Record<
      string,
      { statusCode: string; responseParameters: Json; responseTemplates: Record<string, string> }
    >;
    const statuses = Object.fromEntries(Object.entries(responses).map(([type, r]) => [type, r.statusCode]));
    expect(statuses).toMatchObject({
      BAD_REQUEST_BODY: '400',
      BAD_REQUEST_PARAMETERS: '400',
      UNAUTHORIZED: '401',
      ACCESS_DENIED: '403',
      MISSING_AUTHENTICATION_TOKEN: '404',
      REQUEST_TOO_LARGE: '413',
      THROTTLED: '429',
      DEFAULT_5XX: '500',
    });
    for (const [type, response] of Object.entries(responses)) {
      expect(response.responseParameters['gatewayresponse.header.Content-Type'], type).toBe(
        "'application/problem+json'",
      );
      const sample = response.responseTemplates['application/json'].replaceAll(/\$context\.[A-Za-z.]+/g, 'x');
      expect(JSON.parse(sample), type).toMatchObject({
        type: expect.stringMatching(/^urn:charter:problem:/),
        status: Number(response.statusCode),
      });
    }
    expect(responses.BAD_REQUEST_BODY.responseTemplates['application/json']).toContain(
      '$context.error.validationErrorString',
    );
    expect(responses.UNAUTHORIZED.responseParameters['gatewayresponse.header.WWW-Authenticate']).toBe(
      "'Bearer'",
    );
  });
});

describe('security schemes to authorizers', () => {
  it('puts Cognito scopes on the operation and leaves public operations open', () => {
    const security = gatewaySecurity(model('catalog'), new Map([['bearerAuth', cognito]]));
    expect(security.problems).toEqual([]);
    expect(security.operations.get('createProduct')).toEqual([{ bearerAuth: ['catalog:write'] }]);
    expect(security.operations.get('listProducts')).toBeUndefined();
  });

  it('requires API keys from the X-Api-Key header through a usage plan', () => {
    const security = gatewaySecurity(model('recommendations'), new Map());
    expect(security.problems).toEqual([]);
    expect(security.usesApiKeys).toBe(true);
    expect(security.operations.get('getUserRecommendations')).toEqual([{ api_key: [] }]);
    expect(security.securitySchemes).toEqual({
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    });
  });

  it('fails if an operation accepts alternatives that need different authorizers', () => {
    const m = withSecurity(
      model('orders'),
      [{ bearerAuth: [] }, { partnerKey: [] }],
      [{ name: 'partnerKey', type: 'apiKey', in: 'header', parameterName: 'X-Api-Key' }],
    );
    expect(gatewaySecurity(m, new Map([['bearerAuth', jwt]])).problems[0]).toMatch(
      /accepts bearerAuth or partnerKey; API Gateway needs every alternative to use the same authorizer/,
    );
  });

  it('fails if authentication is optional', () => {
    const m = withSecurity(model('orders'), [{ bearerAuth: [] }, {}]);
    expect(gatewaySecurity(m, new Map([['bearerAuth', jwt]])).problems[0]).toMatch(
      /makes authentication optional/,
    );
  });

  it('fails if an API key travels in a query parameter', () => {
    const m = withSecurity(
      model('orders'),
      [{ key: [] }],
      [{ name: 'key', type: 'apiKey', in: 'query', parameterName: 'key' }],
    );
    expect(gatewaySecurity(m, new Map()).problems[0]).toMatch(
      /reads API keys only from the X-Api-Key header/,
    );
  });
});

function withSecurity(
  m: ContractModel,
  security: Record<string, string[]>[],
  extraSchemes: ContractModel['securitySchemes'] = [],
): ContractModel {
  return {
    ...m,
    securitySchemes: [...m.securitySchemes, ...extraSchemes],
    operations: m.operations.map((op, i) => (i === 0 ? { ...op, security } : op)),
  };
}
