/**
 * The function behind `SchemeAuthorizer.jwt`: infra/authorizers/jwt bundled by esbuild during
 * synthesis (locally, no Docker), Node 22 on arm64, with its own log group and role.
 * @module
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as esbuild from 'esbuild';
import { acknowledgeFunctionRole } from '../nag/acknowledgements.ts';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), '../../authorizers/jwt');

export interface JwtAuthorizerFunctionProps {
  readonly context: string;
  readonly issuer: string;
  readonly audience: readonly string[];
  /** @default `<issuer>/.well-known/jwks.json` */
  readonly jwksUri?: string;
}

/**
 * @example new JwtAuthorizerFunction(this, 'BearerAuth', { context: 'orders', issuer, audience })
 */
export class JwtAuthorizerFunction extends Construct {
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: JwtAuthorizerFunctionProps) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `charter ${props.context}: JWT authorizer, writes its own logs and traces only`,
    });
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    logGroup.grantWrite(role);
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: jwtAuthorizerCode(),
      memorySize: 256,
      timeout: Duration.seconds(5),
      role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      description: `charter ${props.context}: verifies bearer JWTs from ${props.issuer}`,
      environment: {
        JWT_ISSUER: props.issuer,
        JWT_AUDIENCE: props.audience.join(','),
        ...(props.jwksUri ? { JWKS_URI: props.jwksUri } : {}),
      },
    });
    acknowledgeFunctionRole(role);
  }
}

/** The authorizer's code, bundled by esbuild into the asset folder CDK stages. */
function jwtAuthorizerCode(): lambda.Code {
  return lambda.Code.fromAsset(SOURCE, {
    // Hash what ships, not the source: a comment edit neither redeploys nor changes snapshots.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling always succeeds.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: {
        tryBundle(outputDir: string): boolean {
          esbuild.buildSync({
            entryPoints: [join(SOURCE, 'handler.ts')],
            outfile: join(outputDir, 'index.mjs'),
            bundle: true,
            platform: 'node',
            target: 'node22',
            format: 'esm',
            minify: true,
            legalComments: 'none',
            logLevel: 'silent',
          });
          return true;
        },
      },
    },
  });
}
