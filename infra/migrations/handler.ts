/**
 * charter's migration function: a CloudFormation custom resource that applies a context's SQL
 * migrations (the same files PGlite runs locally) to its Aurora cluster through the RDS Proxy,
 * on every deploy whose migrations changed, before the new code takes traffic. Deleting the
 * resource never touches data. Bundled by esbuild at synth with its migrations beside it; the
 * AWS SDK comes from the Lambda runtime.
 * @module
 */
import { applyMigrations } from '../../platform/runtime/data/migrations.ts';
import { createPgClient } from '../../platform/runtime/data/pg-client.ts';
import { readMigrations } from '../../platform/runtime/data/read-migrations.ts';

/** The fields of a CloudFormation custom resource request this function reads. */
export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly PhysicalResourceId?: string;
}

export interface MigrationSettings {
  readonly context: string;
  /** The proxy endpoint; its certificate is publicly trusted, so TLS is verified. */
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly secretArn: string;
  readonly migrationsDir: URL;
}

/** The cluster's credentials, as Secrets Manager holds them. */
export type ReadSecret = (arn: string) => Promise<{ username: string; password: string }>;

/**
 * @example settingsFromEnv({ CHARTER_CONTEXT: 'orders', DATABASE_HOST: 'proxy...', ... })
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): MigrationSettings {
  return {
    context: env.CHARTER_CONTEXT ?? '',
    host: env.DATABASE_HOST ?? '',
    port: Number(env.DATABASE_PORT ?? 5432),
    database: env.DATABASE_NAME ?? '',
    secretArn: env.DATABASE_SECRET_ARN ?? '',
    migrationsDir: new URL('./migrations/', import.meta.url),
  };
}

/**
 * @example export const handler = createMigrationHandler(settingsFromEnv(), secretsManagerSecret);
 */
export function createMigrationHandler(
  settings: MigrationSettings,
  readSecret: ReadSecret,
  options: { readonly sslmode?: string } = {},
) {
  return async (event: CustomResourceEvent): Promise<void> => {
    const physicalId = event.PhysicalResourceId ?? `charter-migrations-${settings.context}`;
    let reply: { Status: 'SUCCESS' | 'FAILED'; Reason?: string; Data?: Record<string, string> };
    try {
      reply = { Status: 'SUCCESS', Data: event.RequestType === 'Delete' ? {} : await migrate() };
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'migrations failed', error: String(error) }));
      reply = { Status: 'FAILED', Reason: String((error as Error).message ?? error).slice(0, 1000) };
    }
    // CloudFormation waits for this answer at a presigned S3 URL, not for the return value.
    const response = await fetch(event.ResponseURL, {
      method: 'PUT',
      headers: { 'content-type': '' },
      body: JSON.stringify({
        ...reply,
        PhysicalResourceId: physicalId,
        StackId: event.StackId,
        RequestId: event.RequestId,
        LogicalResourceId: event.LogicalResourceId,
      }),
    });
    if (!response.ok) throw new Error(`CloudFormation did not take the answer: ${response.status}`);
  };

  async function migrate(): Promise<Record<string, string>> {
    const { username, password } = await readSecret(settings.secretArn);
    const url = new URL(`postgres://${settings.host}:${settings.port}/${settings.database}`);
    url.username = username;
    url.password = password;
    url.searchParams.set('sslmode', options.sslmode ?? 'verify-full');
    const db = createPgClient({ connectionString: url.href, maxConnections: 1 });
    try {
      const report = await applyMigrations(
        db,
        settings.context,
        await readMigrations(settings.migrationsDir),
      );
      console.log(JSON.stringify({ level: 'info', msg: 'migrations applied', ...report }));
      return { Applied: String(report.applied.length) };
    } finally {
      await db.close();
    }
  }
}

/** Secrets Manager through the SDK the Node.js Lambda runtime ships (not a dependency of charter). */
export const secretsManagerSecret: ReadSecret = async (arn) => {
  const sdk = '@aws-sdk/client-secrets-manager';
  const { SecretsManagerClient, GetSecretValueCommand } = (await import(sdk)) as {
    SecretsManagerClient: new () => { send(command: unknown): Promise<{ SecretString?: string }> };
    GetSecretValueCommand: new (input: { SecretId: string }) => unknown;
  };
  const { SecretString } = await new SecretsManagerClient().send(
    new GetSecretValueCommand({ SecretId: arn }),
  );
  return JSON.parse(SecretString ?? '{}');
};

export const handler = createMigrationHandler(settingsFromEnv(), secretsManagerSecret);
