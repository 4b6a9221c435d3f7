/**
 * `charter drift` against a loopback server speaking API Gateway's REST wire protocol: the
 * stage's export (GetExport, oas30, extensions=apigateway) is what charter's infra deploys from
 * the contract, as API Gateway hands it back; then it is edited the way stages drift.
 */
import { describe, expect, it } from 'vitest';
import { type ApiGatewayServer, startApiGatewayServer } from '../support/api-gateway-server.ts';
import { charterInProcess } from '../support/charter-in-process.ts';
import { deployedExport } from '../support/deployed-export.ts';
import { runCharter } from '../support/run-charter.ts';

// biome-ignore lint/suspicious/noExplicitAny: the cases edit deep into export documents.
type Json = Record<string, any>;

const ID = 'a1b2c3d4e5';
const root = process.cwd();

async function withStage<T>(exported: Json, use: (aws: ApiGatewayServer) => Promise<T>): Promise<T> {
  const aws = await startApiGatewayServer({ apis: { [ID]: { stages: { prod: { export: exported } } } } });
  try {
    return await use(aws);
  } finally {
    await aws.close();
  }
}

const driftArgs = (aws: ApiGatewayServer, context: string, ...more: string[]) => [
  'drift',
  context,
  '--rest-api-id',
  ID,
  '--stage',
  'prod',
  '--endpoint',
  aws.url,
  ...more,
];

describe('charter drift', () => {
  it.each(['catalog', 'orders', 'recommendations'])(
    'finds no drift in %s deployed by infra from its own contract',
    async (context) => {
      const exported = await deployedExport(root, context, { restApiId: ID, stage: 'prod' });
      const run = await withStage(exported, (aws) => charterInProcess(driftArgs(aws, context), aws.env()));
      expect(run.stdout.trim()).toBe(`${context}: no changes`);
      expect(run.code).toBe(0);
    },
  );

  it('asks for the oas30 export with every API Gateway extension, signed for apigateway', async () => {
    const exported = await deployedExport(root, 'catalog', { restApiId: ID, stage: 'prod' });
    await withStage(exported, async (aws) => {
      const run = await runCharter(driftArgs(aws, 'catalog'), { env: aws.env() });
      expect(run.stderr).toContain(
        `charter drift: catalog: contracts/catalog/openapi.yaml 1.0.0 (agreed, base) → REST API ${ID} stage prod 1.0.0 (deployed, head)`,
      );
      expect(run.code).toBe(0);
      const [request] = aws.requests;
      expect(request).toMatchObject({
        method: 'GET',
        path: `/restapis/${ID}/stages/prod/exports/oas30`,
        query: { extensions: 'apigateway' },
        status: 200,
      });
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers.authorization).toMatch(/\/eu-west-1\/apigateway\/aws4_request/);
    });
  });

  const cases: {
    name: string;
    edit: (doc: Json) => void;
    code: number;
    changes: { id: string; level: string; operation: string }[];
  }[] = [
    {
      name: 'an operation missing from the stage is breaking',
      edit: (doc) => delete doc.paths['/products/{productId}'].patch,
      code: 1,
      changes: [{ id: 'operation-removed', level: 'breaking', operation: 'PATCH /products/{productId}' }],
    },
    {
      name: 'a body model stricter than the contract is breaking',
      edit: (doc) => {
        const schema = doc.components.schemas.CreateProductBody;
        schema.properties.name.maxLength = 5;
      },
      code: 1,
      changes: [{ id: 'request-body-max-length-decreased', level: 'breaking', operation: 'POST /products' }],
    },
    {
      name: 'a required query parameter only the stage asks for is breaking',
      edit: (doc) => {
        doc.paths['/products'].get.parameters = [
          { name: 'tenant', in: 'query', required: true, schema: { type: 'string' } },
        ];
      },
      code: 1,
      changes: [{ id: 'request-parameter-added-required', level: 'breaking', operation: 'GET /products' }],
    },
    {
      name: 'an authorizer on a public operation is breaking',
      edit: (doc) => {
        doc.paths['/products'].get.security = [{ bearerAuth: [] }];
      },
      code: 1,
      changes: [{ id: 'security-requirement-added', level: 'breaking', operation: 'GET /products' }],
    },
    {
      name: 'an operation only the stage has is reported, not fatal',
      edit: (doc) => {
        doc.paths['/products/{productId}'].delete = {
          operationId: 'deleteProduct',
          responses: { '204': { description: '204 response' } },
          'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: 'arn:...' },
        };
      },
      code: 0,
      changes: [{ id: 'operation-added', level: 'info', operation: 'DELETE /products/{productId}' }],
    },
    {
      name: 'API Gateway CORS preflights (mock OPTIONS methods) are not drift',
      edit: (doc) => {
        doc.paths['/products'].options = {
          responses: { '200': { description: '200 response' } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
          },
        };
      },
      code: 0,
      changes: [],
    },
  ];

  it.each(cases)('$name', async ({ edit, code, changes }) => {
    const exported = await deployedExport(root, 'catalog', { restApiId: ID, stage: 'prod' });
    edit(exported);
    const run = await withStage(exported, (aws) =>
      charterInProcess(driftArgs(aws, 'catalog', '--format', 'json'), aws.env()),
    );
    const report = JSON.parse(run.stdout);
    expect(report.changes.map(({ id, level, operation }: Json) => ({ id, level, operation }))).toEqual(
      changes.map((c) => ({ ...c })),
    );
    for (const change of report.changes) {
      expect(change).toMatchObject({
        context: 'catalog',
        pointer: expect.stringMatching(/^\/(paths|components)\//),
      });
    }
    expect(report.versionBump).toMatchObject({ from: 'catalog@1.0.0', to: 'catalog@1.0.0' });
    expect(run.code).toBe(code);
  });

  it('prints text and markdown exactly as charter diff does', async () => {
    const exported: Json = await deployedExport(root, 'catalog', { restApiId: ID, stage: 'prod' });
    delete exported.paths['/products/{productId}'].patch;
    await withStage(exported, async (aws) => {
      const text = await charterInProcess(driftArgs(aws, 'catalog'), aws.env());
      expect(text.stdout).toContain('catalog: 1 breaking, 0 warnings, 0 other;');
      expect(text.stdout).toContain('  breaking PATCH /products/{productId}  operation-removed');
      const markdown = await charterInProcess(driftArgs(aws, 'catalog', '--format', 'markdown'), aws.env());
      expect(markdown.stdout).toMatch(/^<!-- charter-diff -->\n/);
      expect(markdown.stdout).toContain('#### Breaking changes (1)');
      expect(markdown.code).toBe(1);
    });
  });

  it.each([
    {
      name: 'an unknown stage is "not found" (exit 3)',
      args: ['--stage', 'staging'],
      code: 3,
      message: `charter drift: GetExport: REST API ${ID}, stage staging in eu-west-1 was not found (AWS said: Invalid stage identifier specified)`,
    },
    {
      name: 'an export that is not OpenAPI 3.0 is unusable (exit 2)',
      args: [],
      exported: { swagger: '2.0', info: { title: 'x', version: '1' }, paths: {} },
      code: 2,
      message: 'came back as openapi "", not OpenAPI 3.0',
    },
    {
      name: 'an unknown --format is unusable (exit 2)',
      args: ['--format', 'yaml'],
      code: 2,
      message: '--format must be text, markdown or json',
    },
  ])('$name', async ({ args, code, message, exported }) => {
    const doc = exported ?? (await deployedExport(root, 'catalog', { restApiId: ID, stage: 'prod' }));
    const run = await withStage(doc, async (aws) => {
      const base = driftArgs(aws, 'catalog');
      const stageAt = base.indexOf('--stage');
      if (args[0] === '--stage') base.splice(stageAt, 2);
      return charterInProcess([...base, ...args], aws.env());
    });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(code);
  });
});
