/**
 * `ContextDatabase`: the AWS implementation of a context's repositories, an Aurora Serverless v2
 * (PostgreSQL) cluster with capacity bounds from config, its credentials generated into Secrets
 * Manager (and rotated), an RDS Proxy that pools connections and requires TLS, and the context's
 * SQL migrations applied on every deploy that changes them by a migration function. Access is
 * granted per consumer: a network path to the proxy's port and read access to the one secret.
 * @module
 */
import { CustomResource, Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { DatabaseConfig } from '../../../platform/config/runtime-config.ts';
import { acknowledgeDatabase } from './acknowledgements.ts';
import { migrationCode, migrationsHash } from './migration-function.ts';

const PORT = 5432;

export interface ContextDatabaseProps {
  readonly context: string;
  readonly vpc: ec2.IVpc;
  readonly config: DatabaseConfig;
  /** The context's SQL migrations, e.g. `handlers/<ctx>/migrations`. */
  readonly migrationsDir: string;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly logRetention?: logs.RetentionDays;
}

/** @example const database = new ContextDatabase(this, 'Database', { context, vpc, config, migrationsDir }); */
export class ContextDatabase extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly proxy: rds.DatabaseProxy;
  readonly secret: secretsmanager.ISecret;
  readonly databaseName: string;
  /** The custom resource that applies migrations; depend on it to start code after them. */
  readonly migrations: CustomResource;

  constructor(scope: Construct, id: string, props: ContextDatabaseProps) {
    super(scope, id);
    const { context, vpc, config } = props;
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    this.databaseName = config.databaseName;
    // Named, so that its log group exists with a retention before RDS would create one without.
    const clusterIdentifier = `charter-${context}-${Names.uniqueId(this).slice(-8)}`
      .toLowerCase()
      .slice(0, 63);
    const postgresLogs = new logs.LogGroup(this, 'PostgresLogs', {
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      clusterIdentifier,
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      credentials: rds.Credentials.fromGeneratedSecret('charter_admin'),
      defaultDatabaseName: config.databaseName,
      writer: rds.ClusterInstance.serverlessV2('Writer', { publiclyAccessible: false }),
      serverlessV2MinCapacity: config.minCapacity,
      serverlessV2MaxCapacity: config.maxCapacity,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      storageEncrypted: true,
      iamAuthentication: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      backup: { retention: Duration.days(7) },
      cloudwatchLogsExports: ['postgresql'],
      port: PORT,
    });
    this.cluster.node.addDependency(postgresLogs);
    this.secret = this.cluster.secret as secretsmanager.ISecret;
    this.cluster.addRotationSingleUser({ automaticallyAfter: Duration.days(30) });
    this.proxy = this.cluster.addProxy('Proxy', {
      secrets: [this.secret],
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      requireTLS: true,
      // Each Lambda environment holds one connection; the proxy multiplexes them onto few.
      maxConnectionsPercent: 90,
      idleClientTimeout: Duration.minutes(30),
    });

    const migrationFunction = new lambda.Function(this, 'MigrationFunction', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: migrationCode(props.migrationsDir),
      memorySize: 256,
      // A paused Serverless v2 cluster takes seconds to resume; a long migration takes longer.
      timeout: Duration.minutes(10),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      logGroup: new logs.LogGroup(this, 'MigrationLogs', { retention }),
      description: `charter ${context}: applies handlers/${context}/migrations on deploy`,
      environment: {
        CHARTER_CONTEXT: context,
        DATABASE_HOST: this.proxy.endpoint,
        DATABASE_PORT: String(PORT),
        DATABASE_NAME: config.databaseName,
        DATABASE_SECRET_ARN: this.secret.secretArn,
      },
    });
    this.grantConnect(migrationFunction);
    this.migrations = new CustomResource(this, 'Migrations', {
      serviceToken: migrationFunction.functionArn,
      resourceType: 'Custom::CharterMigrations',
      properties: { Context: context, MigrationsHash: migrationsHash(props.migrationsDir) },
    });
    // The proxy must be reachable before migrations run through it.
    this.migrations.node.addDependency(this.proxy, this.cluster);
    acknowledgeDatabase(this, { migrationRole: migrationFunction.role as iam.Role });
  }

  /**
   * What a consumer (a function, a task) needs and no more: the proxy's port from its security
   * group, and read access to the cluster's secret.
   * @example database.grantConnect(migrationFunction)
   */
  grantConnect(consumer: ec2.IConnectable & iam.IGrantable): void {
    this.allowConnectionsFrom(consumer);
    this.secret.grantRead(consumer);
  }

  /** The proxy's port from a consumer's security groups; nothing else. */
  allowConnectionsFrom(consumer: ec2.IConnectable): void {
    this.proxy.connections.allowFrom(consumer, ec2.Port.tcp(PORT), 'a consumer of the database');
  }

  /**
   * How a container reaches the database with the `pg` adapter unchanged: `DATABASE_URL` names
   * the proxy with TLS verified (its certificate is publicly trusted), `PGUSER` and `PGPASSWORD`
   * come from the secret when the task starts, and migrations are left to the deploy.
   * @example new ContainerService(this, 'Container', { ...database.containerSettings(), ... })
   */
  containerSettings(): { environment: Record<string, string>; secrets: Record<string, ecs.Secret> } {
    return {
      environment: {
        DATABASE_URL: `postgres://${this.proxy.endpoint}:${PORT}/${this.databaseName}?sslmode=verify-full`,
        CHARTER_MIGRATE: 'skip',
      },
      secrets: {
        PGUSER: ecs.Secret.fromSecretsManager(this.secret, 'username'),
        PGPASSWORD: ecs.Secret.fromSecretsManager(this.secret, 'password'),
      },
    };
  }
}
