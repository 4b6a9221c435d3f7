/**
 * The migration function behind `Custom::CharterMigrations`, run against the real PostgreSQL the
 * test setup starts (tests/support/postgres-global-setup.ts), answering a loopback HTTP server
 * that speaks CloudFormation's response protocol (a PUT of the result to the presigned
 * ResponseURL). Secrets Manager is replaced by a stub returning the test server's user.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CustomResourceEvent, createMigrationHandler } from '../../infra/migrations/handler.ts';
import { createPgClient, type SqlClient } from '../../platform/runtime/data/index.ts';

const serverUrl = process.env.CHARTER_TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('migration function (custom resource) on a real PostgreSQL', () => {
  const database = `charter_migrations_${randomUUID().slice(0, 8)}`;
  const answers: Record<string, unknown>[] = [];
  let cloudFormation: Server;
  let responseUrl: string;
  let admin: SqlClient;
  let target: SqlClient;

  beforeAll(async () => {
    admin = createPgClient({ connectionString: serverUrl as string, maxConnections: 1 });
    await admin.exec(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${database}`;
    target = createPgClient({ connectionString: url.href, maxConnections: 1 });
    cloudFormation = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        answers.push({ method: request.method, ...JSON.parse(body) });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((done) => cloudFormation.listen(0, '127.0.0.1', done));
    responseUrl = `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}/presigned?X-Amz-Signature=x`;
  });

  afterAll(async () => {
    cloudFormation?.close();
    await target?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${database}`);
    await admin?.close();
  });

  const handlerFor = (migrationsDir: string) => {
    const url = new URL(serverUrl as string);
    return createMigrationHandler(
      {
        context: 'recommendations',
        host: url.hostname,
        port: Number(url.port),
        database,
        secretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db',
        migrationsDir: pathToFileURL(`${resolve(migrationsDir)}/`),
      },
      async () => ({ username: decodeURIComponent(url.username), password: '' }),
      { sslmode: 'disable' },
    );
  };
  const event = (type: CustomResourceEvent['RequestType']): CustomResourceEvent => ({
    RequestType: type,
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:eu-west-1:111122223333:stack/charter-recommendations/1',
    RequestId: randomUUID(),
    LogicalResourceId: 'ApiDatabaseMigrations',
    ...(type === 'Create' ? {} : { PhysicalResourceId: 'charter-migrations-recommendations' }),
  });

  it('applies the context migrations on Create and answers SUCCESS', async () => {
    await handlerFor('handlers/recommendations/migrations')(event('Create'));
    const answer = answers.at(-1);
    expect(answer).toMatchObject({
      method: 'PUT',
      Status: 'SUCCESS',
      PhysicalResourceId: 'charter-migrations-recommendations',
      LogicalResourceId: 'ApiDatabaseMigrations',
    });
    expect(Number((answer?.Data as Record<string, string> | undefined)?.Applied)).toBeGreaterThan(0);
    const tables = await target.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    expect(tables.map((t) => t.tablename)).toContain('product_signals');
  });

  it('applies nothing again on Update with the same migrations, and leaves data alone on Delete', async () => {
    await handlerFor('handlers/recommendations/migrations')(event('Update'));
    expect(answers.at(-1)).toMatchObject({ Status: 'SUCCESS', Data: { Applied: '0' } });
    await handlerFor('handlers/recommendations/migrations')(event('Delete'));
    expect(answers.at(-1)).toMatchObject({ Status: 'SUCCESS' });
    const [{ count }] = await target.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM pg_tables WHERE tablename = 'product_signals'",
    );
    expect(count).toBe(1);
  });

  it('answers FAILED with the reason when the database cannot be reached, so the deploy rolls back', async () => {
    const broken = createMigrationHandler(
      {
        context: 'recommendations',
        host: '127.0.0.1',
        port: 1,
        database,
        secretArn: 'arn',
        migrationsDir: pathToFileURL(`${resolve('handlers/recommendations/migrations')}/`),
      },
      async () => ({ username: 'nobody', password: '' }),
      { sslmode: 'disable' },
    );
    await broken(event('Update'));
    expect(answers.at(-1)).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/ECONNREFUSED|connect/),
    });
  });
});
